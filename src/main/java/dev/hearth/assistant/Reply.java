package dev.hearth.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's answer: plain words for a person, plus what a door needs to draw buttons.
 *
 * @param action       the action id that ran, or would run after confirmation; null when none
 * @param details      the action's result as JSON (or what was understood), for doors that show more
 * @param confirmation set when the action waits for the user's yes
 * @param choices      set when the assistant asks back: the answers it understands (a door may show them as buttons)
 */
public record Reply(
        Status status,
        String message,
        @Nullable String action,
        JsonNode details,
        @Nullable Confirmation confirmation,
        List<String> choices) {

    public enum Status {
        SUCCESS,
        NEEDS_CONFIRMATION,
        NEEDS_CLARIFICATION,
        CANCELLED,
        REFUSED,
        NOT_AVAILABLE,
        ERROR;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An action proposed but not run: only the user's own next turn (yes, or the button with this id) runs it. */
    public record Confirmation(String id, String prompt, String action, JsonNode params, Instant expiresAt) {}

    public Reply {
        choices = List.copyOf(choices);
    }

    public static Reply of(Status status, String message) {
        return new Reply(status, message, null, JsonNodeFactory.instance.objectNode(), null, List.of());
    }
}
