package dev.hearth.assistant;

import dev.hearth.platform.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * One message to the assistant, from any door. The caller's role is the only role the turn ever acts with;
 * {@code conversation} names the thread within the caller (a chat id, "dashboard"), never another caller's.
 *
 * @param door    the door's name as the audit log shows it: {@code chat}, later {@code telegram}
 * @param confirm the id of a confirmation the user answered with a button; null when they typed
 */
public record Turn(
        Caller caller,
        String door,
        String conversation,
        String text,
        @Nullable String confirm) {
    public static final int MAX_TEXT = 4000;

    public Turn {
        if (text.length() > MAX_TEXT)
            throw new IllegalArgumentException("message longer than " + MAX_TEXT + " characters");
    }
}
