package dev.hearth.monitoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The seed's levels (info, warning, error) and the thresholds' critical, in rising order. */
public enum AlertLevel {
    INFO,
    WARNING,
    ERROR,
    CRITICAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertLevel> find(String text) {
        return Arrays.stream(values())
                .filter(l -> l.id().equalsIgnoreCase(text.trim()))
                .findFirst();
    }

    @JsonCreator
    public static AlertLevel parse(String text) {
        return find(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + text + "' is not an alert level (info, warning, error, critical)"));
    }
}
