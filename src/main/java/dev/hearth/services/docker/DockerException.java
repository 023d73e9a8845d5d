package dev.hearth.services.docker;

import org.jspecify.annotations.Nullable;

/**
 * What can go wrong when talking to a Docker engine. Sealed so callers can map each case to one
 * user-facing answer (404, 409, 503, ...) without guessing from message text.
 */
public abstract sealed class DockerException extends RuntimeException {

    private DockerException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** The engine answered 404: the container (or image) does not exist. */
    public static final class NotFound extends DockerException {
        public NotFound(String message) {
            super(message, null);
        }
    }

    /** The engine answered 409: e.g. the name is taken, or removing a running container without force. */
    public static final class Conflict extends DockerException {
        public Conflict(String message) {
            super(message, null);
        }
    }

    /**
     * The engine could not be reached in time: socket missing, connection refused, reset or timed out.
     * The message names the endpoint and is safe to show to a person; the cause is for the log only.
     */
    public static final class EngineUnavailable extends DockerException {
        private final String endpoint;

        public EngineUnavailable(String endpoint, String message, Throwable cause) {
            super(message, cause);
            this.endpoint = endpoint;
        }

        public String endpoint() {
            return endpoint;
        }
    }

    /** Any other error status, with the engine's own message. */
    public static final class ApiError extends DockerException {
        private final int status;

        public ApiError(int status, String message) {
            super(message, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
