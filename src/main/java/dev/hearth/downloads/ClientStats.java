package dev.hearth.downloads;

/** A client's transfer figures: rates in bytes per second, session totals in bytes. */
public record ClientStats(
        String version,
        long downloadSpeed,
        long uploadSpeed,
        long downloadedSession,
        long uploadedSession,
        long dhtNodes,
        int connections,
        long freeSpace) {}
