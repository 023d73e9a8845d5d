package dev.hearth.monitoring;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An alert as the seed shows it ({@code id} "alert-123", {@code timestamp}, {@code level}, {@code message},
 * {@code source}, {@code details}), plus its lifecycle fields. Used by REST and by the live channels.
 */
public record AlertView(
        String id,
        Instant timestamp,
        String level,
        String message,
        String source,
        Map<String, Object> details,
        String state,
        String key,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant resolvedAt) {
    public static final String PREFIX = "alert-";

    public static AlertView of(Alert a) {
        return new AlertView(
                PREFIX + a.id(),
                a.raisedAt(),
                a.level().id(),
                a.message(),
                a.source(),
                a.details(),
                a.state().id(),
                a.key(),
                a.acknowledgedAt(),
                a.acknowledgedBy(),
                a.resolvedAt());
    }
}
