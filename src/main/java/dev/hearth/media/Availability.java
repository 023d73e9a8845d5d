package dev.hearth.media;

/** Whether the requested media can be watched yet (Overseerr's media status 1–5). */
public enum Availability {
    UNKNOWN,
    PENDING,
    PROCESSING,
    PARTIALLY_AVAILABLE,
    AVAILABLE
}
