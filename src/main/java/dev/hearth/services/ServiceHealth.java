package dev.hearth.services;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the health fan-out (Monsterr's {@code /services/health}).
 *
 * @param status        the runtime's state word, or for an external service running/unreachable by its URL
 * @param health        healthy, unhealthy, unknown, or unreachable when the check did not answer in time
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
        @Nullable Long uptimeSeconds,
        @Nullable Double cpuPercent,
        @Nullable Long memoryBytes) {}
