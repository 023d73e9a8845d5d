package dev.hearth.services;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the health fan-out (Monsterr's {@code /services/health}).
 *
 * @param status        the runtime's state word, or for an external service running/unreachable by its URL
 * @param health        healthy, unhealthy, unknown, or unreachable when a refresh did not answer in time
 * @param ageMs         how long ago the board's poller read it (0 for a refresh that got no answer)
 * @param cpuPercent    last sampled, null until a first sample exists
 * @param memoryBytes   last sampled resident memory, null until a first sample exists
 */
public record ServiceHealth(
        String name,
        String status,
        String health,
        String message,
        Instant lastCheck,
        long latencyMs,
        long ageMs,
        @Nullable Long uptimeSeconds,
        @Nullable Double cpuPercent,
        @Nullable Long memoryBytes) {}
