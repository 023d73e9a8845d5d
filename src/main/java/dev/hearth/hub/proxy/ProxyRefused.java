package dev.hearth.hub.proxy;

/** A call the proxy will not make, and why; the message names what was wrong, never a credential. */
public final class ProxyRefused extends RuntimeException {

    public enum Reason {
        INVALID_PATH(400),
        INVALID_QUERY(400),
        METHOD_NOT_ALLOWED(405),
        NOT_ON_ALLOW_LIST(403),
        FORBIDDEN_ADDRESS(403);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;
    private final String explanation;

    public ProxyRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
        this.explanation = message;
    }

    /** The message, never null (unlike {@link #getMessage()} in general). */
    public String explanation() {
        return explanation;
    }

    public Reason reason() {
        return reason;
    }
}
