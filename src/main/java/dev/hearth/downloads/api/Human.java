package dev.hearth.downloads.api;

import dev.hearth.platform.config.Durations;
import dev.hearth.platform.web.ApiException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The seeds' human forms ("2.5 GB", "5.2 MB/s", "8m 30s") next to the exact numbers, and strict flag parsing. */
public final class Human {
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private Human() {}

    public static String size(long bytes) {
        if (bytes < 1024) return Math.max(0, bytes) + " B";
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    public static String rate(long bytesPerSecond) {
        return size(bytesPerSecond) + "/s";
    }

    public static String eta(long seconds) {
        return seconds < 0 ? "unknown" : Durations.human(Duration.ofSeconds(seconds));
    }

    /** true/false only: a typo in delete_data must not silently keep (or delete) someone's files. */
    static boolean flag(@Nullable String raw, String name, boolean fallback) {
        if (raw == null || raw.isBlank()) return fallback;
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.invalid(name, "'" + raw + "' is not true or false");
        };
    }
}
