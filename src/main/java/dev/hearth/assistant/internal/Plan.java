package dev.hearth.assistant.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the assistant will do with a message: run one action, ask back, answer, refuse, or say it cannot. */
public sealed interface Plan {
    /**
     * Run {@code action} with {@code params} through the catalog. {@code summary} names it for a person ("stop the
     * service “plex”"), for confirmations; {@code focus} narrows the answer (the disk of a host sample).
     */
    record Invoke(
            String action,
            ObjectNode params,
            String summary,
            @Nullable String focus) implements Plan {}

    /** A question back; each choice carries the plan it stands for, so the answer runs without parsing again. */
    record Ask(String question, List<Choice> choices) implements Plan {
        public Ask {
            choices = List.copyOf(choices);
        }
    }

    record Choice(String label, Plan plan) {}

    record Answer(String text) implements Plan {}

    record Help() implements Plan {}

    record Refuse(String reason) implements Plan {}

    /** Understood, but nothing on this Hearth can do it; {@code understood} says what was read (for the door and tests). */
    record NotAvailable(String message, ObjectNode understood) implements Plan {}

    record Confirm() implements Plan {}

    record Deny() implements Plan {}
}
