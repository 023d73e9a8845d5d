package dev.hearth.platform.http;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a call to an upstream did not give the caller what it asked for. The subclasses are a
 * closed set a page or a health check can switch on; {@link #reason()} is the same fact as a
 * stable snake_case word for APIs and metrics. Messages name the upstream and say what to check;
 * they never contain secrets (no query strings, headers, bodies of requests or cookies).
 */
public abstract sealed class UpstreamException extends RuntimeException {

    private final String upstream;
    private final String detail;

    UpstreamException(String upstream, String detail, @Nullable Throwable cause) {
        super("upstream '" + Objects.requireNonNull(upstream) + "': " + detail, cause);
        this.upstream = upstream;
        this.detail = detail;
    }

    /** The message without the upstream prefix. */
    String detail() {
        return detail;
    }

    /** The {@link UpstreamSpec#name()} of the upstream that failed. */
    public String upstream() {
        return upstream;
    }

    /** One of unreachable, timeout, circuit_open, auth_failed, not_ready, http_status, bad_response. */
    public abstract String reason();

    /** No connection: refused, unknown host, reset, connect timeout. */
    public static final class Unreachable extends UpstreamException {
        public Unreachable(String upstream, String detail, @Nullable Throwable cause) {
            super(upstream, detail, cause);
        }

        @Override
        public String reason() {
            return "unreachable";
        }
    }

    /** Connected, but no complete answer within the request timeout. */
    public static final class Timeout extends UpstreamException {
        public Timeout(String upstream, String detail, @Nullable Throwable cause) {
            super(upstream, detail, cause);
        }

        @Override
        public String reason() {
            return "timeout";
        }
    }

    /** The circuit is open: the call failed fast and nothing was sent. */
    public static final class CircuitOpen extends UpstreamException {
        private final Instant openUntil;

        public CircuitOpen(String upstream, String detail, Instant openUntil) {
            super(upstream, detail, null);
            this.openUntil = openUntil;
        }

        /** When the next trial call may go through. */
        public Instant openUntil() {
            return openUntil;
        }

        @Override
        public String reason() {
            return "circuit_open";
        }
    }

    /** The upstream refused the credentials, or a login did not give a working session. */
    public static final class AuthFailed extends UpstreamException {
        public AuthFailed(String upstream, String detail) {
            super(upstream, detail, null);
        }

        public AuthFailed(String upstream, String detail, @Nullable Throwable cause) {
            super(upstream, detail, cause);
        }

        @Override
        public String reason() {
            return "auth_failed";
        }
    }

    /** A non-2xx answer where the caller asked for success. */
    public static final class HttpStatus extends UpstreamException {
        private final int status;
        private final String bodyExcerpt;

        public HttpStatus(String upstream, String detail, int status, String bodyExcerpt) {
            super(upstream, detail, null);
            this.status = status;
            this.bodyExcerpt = bodyExcerpt;
        }

        public int status() {
            return status;
        }

        /** At most {@value UpstreamResponse#EXCERPT_CHARS} characters of the body, on one line. */
        public String bodyExcerpt() {
            return bodyExcerpt;
        }

        @Override
        public String reason() {
            return "http_status";
        }
    }

    /** An answer that could not be read (JSON that does not parse or does not fit the type). */
    public static final class BadResponse extends UpstreamException {
        public BadResponse(String upstream, String detail, @Nullable Throwable cause) {
            super(upstream, detail, cause);
        }

        @Override
        public String reason() {
            return "bad_response";
        }
    }

    /**
     * The upstream answers but cannot serve yet: a session it rejects right after a login it accepted, as
     * qBittorrent does for a moment while it starts. Transient, unlike {@link AuthFailed}: tried again with backoff.
     */
    public static final class NotReady extends UpstreamException {
        public NotReady(String upstream, String detail) {
            super(upstream, detail, null);
        }

        @Override
        public String reason() {
            return "not_ready";
        }
    }
}
