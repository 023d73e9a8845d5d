package dev.hearth.notify.telegram;

/** A Bot API call that failed; the message is Telegram's own description, which never holds the token. */
public final class TelegramException extends RuntimeException {
    private final int status;

    public TelegramException(String message) {
        this(message, 0);
    }

    public TelegramException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status Telegram answered, or 0 when the call did not get that far. */
    public int status() {
        return status;
    }
}
