package dev.hearth.dns;

/** A provider said no, or could not be reached: {@code kind} says which, the message what to do. */
public class DnsException extends RuntimeException {
    public enum Kind {
        CONFLICT,
        NOT_FOUND,
        AUTH,
        RATE_LIMITED,
        UNAVAILABLE,
        REFUSED
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    public DnsException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public DnsException(Kind kind, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
