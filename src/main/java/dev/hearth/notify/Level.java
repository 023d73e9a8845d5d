package dev.hearth.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent a notification is; a channel's {@code min_level} admits this level and those above it. */
public enum Level {
    INFO,
    WARNING,
    ERROR,
    CRITICAL;

    /** The lower-case word used in config, the API and payloads. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Level> find(String id) {
        return Arrays.stream(values()).filter(l -> l.id().equals(id)).findFirst();
    }
}
