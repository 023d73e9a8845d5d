package dev.hearth.assistant;

/**
 * A model call that gave no answer: unreachable, timed out, refused the key, overloaded, or answered
 * something that is not the API's shape. The message is for a person and never holds the API key.
 */
public class LlmException extends RuntimeException {
    private final String reason;

    public LlmException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** {@code unavailable}, {@code timeout}, {@code auth}, {@code rate_limited}, {@code bad_request} or {@code bad_response}. */
    public String reason() {
        return reason;
    }
}
