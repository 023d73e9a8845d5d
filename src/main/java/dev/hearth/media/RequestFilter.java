package dev.hearth.media;

/** Which requests to list (Overseerr's filter words). */
public enum RequestFilter {
    ALL,
    PENDING,
    APPROVED,
    PROCESSING,
    AVAILABLE,
    UNAVAILABLE,
    FAILED
}
