package dev.hearth.media;

/** Whether the requested media can be watched yet (Overseerr's media status). */
public enum Availability { UNKNOWN, PENDING, PROCESSING, PARTIALLY_AVAILABLE, AVAILABLE, BLOCKLISTED, DELETED }
