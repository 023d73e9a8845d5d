package dev.hearth.downloads;

import java.time.Instant;

/**
 * Downloads counted for one caller label ({@code key:<name>}, {@code user:<name>}, {@code proxy:<name>},
 * or {@code external}). Successful means completed; failed means the client reported failure.
 */
public record UserStats(
        String userId,
        String username,
        long total,
        long successful,
        long failed,
        long totalSize,
        Instant joinedDate,
        Instant lastActive) {

    /** The part after the kind, e.g. {@code ci} for {@code key:ci}. */
    public static String usernameOf(String label) {
        int colon = label.indexOf(':');
        return colon < 0 ? label : label.substring(colon + 1);
    }
}
