package dev.hearth.monitoring;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One alert and where it is in its life: raised, then perhaps acknowledged by someone, then resolved
 * (by its rule when the condition clears, or by hand). {@code key} names the condition, so one
 * condition has at most one open alert.
 */
public record Alert(
        long id,
        String key,
        AlertLevel level,
        State state,
        String source,
        String message,
        Map<String, Object> details,
        Instant raisedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant resolvedAt) {

    public enum State {
        RAISED,
        ACKNOWLEDGED,
        RESOLVED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
