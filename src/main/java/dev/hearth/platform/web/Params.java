package dev.hearth.platform.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Query and path values arrive as text and are parsed here, so a bad one is a 400 naming the parameter
 * (JAX-RS would answer a failed conversion with a bare 404).
 */
public final class Params {
    private Params() {}

    public static int integer(@Nullable String raw, String name, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max)
                throw ApiException.invalid(name, "must be between " + min + " and " + max + " (got " + v + ")");
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "'" + raw + "' is not a whole number");
        }
    }

    /** {@code true}/{@code false} (any case), or the fallback when absent. */
    public static boolean flag(@Nullable String raw, String name, boolean fallback) {
        if (raw == null || raw.isBlank()) return fallback;
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(name, "must be true or false (got '" + raw + "')");
        };
    }

    public static long id(String raw, String name) {
        try {
            long v = Long.parseLong(raw.trim());
            if (v < 1) throw ApiException.invalid(name, "must be a positive id");
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "'" + raw + "' is not an id (a positive whole number)");
        }
    }

    public static Instant instant(@Nullable String raw, String name, Instant fallback) {
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "'" + raw + "' is not an ISO-8601 time like 2025-02-15T22:00:00Z");
        }
    }
}
