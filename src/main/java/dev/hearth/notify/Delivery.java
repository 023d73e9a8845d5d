package dev.hearth.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One notification's way to one destination of one channel, as the outbox holds it. */
public record Delivery(
        long id,
        long notificationId,
        String channel,
        String destination,
        Status status,
        Level level,
        String title,
        String source,
        int repeats,
        int attempts,
        int partsSent,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable Instant deliveredAt,
        @Nullable String lastError) {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
