package dev.hearth.media.webhook;

/** The body is not what the source sends; the message says what is wrong (never the body itself). */
public final class InvalidWebhookPayload extends RuntimeException {
    public InvalidWebhookPayload(String message) {
        super(message);
    }
}
