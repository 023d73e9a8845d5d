package dev.hearth.media.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Lenient reads of upstream JSON: absent is empty or zero, and numbers may come as strings. */
public final class Json {

    private Json() {}

    public static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    public static @Nullable String textOrNull(JsonNode node, String field) {
        String v = text(node, field);
        return v.isEmpty() ? null : v;
    }

    public static long number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) return v.asLong();
        if (v.isTextual()) {
            try {
                return (long) Double.parseDouble(v.asText().strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    public static int integer(JsonNode node, String field) {
        return (int) number(node, field);
    }

    public static @Nullable Integer integerOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber() || (v.isTextual() && !v.asText().isBlank())) {
            return integer(node, field);
        }
        return null;
    }

    public static boolean bool(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean()
                ? v.asBoolean()
                : v.isNumber() ? v.asInt() != 0 : "true".equalsIgnoreCase(v.asText()) || "1".equals(v.asText());
    }

    /** ISO-8601 with offset, or a date alone (taken as midnight UTC); null when absent or unreadable. */
    public static @Nullable Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        if (v.isEmpty()) return null;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v.endsWith("Z") ? v : v + "Z");
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    /** Seconds since the epoch (Plex, Tautulli), possibly a string; null when absent. */
    public static @Nullable Instant epochSeconds(JsonNode node, String field) {
        long s = number(node, field);
        return s <= 0 ? null : Instant.ofEpochSecond(s);
    }

    /** The array at {@code field} (absent means empty), each element mapped. */
    public static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> map) {
        return list(node.path(field), map);
    }

    public static <T> List<T> list(JsonNode array, Function<JsonNode, T> map) {
        List<T> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(e -> out.add(map.apply(e)));
        }
        return out;
    }
}
