package dev.hearth.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * A container's state and use, as a {@link ContainerMetricsSource} reports it. {@code stoppedByHearth}
 * tells an exit someone asked for from one that happened on its own (the "container exited" alert).
 */
public record ContainerUsage(
        String name,
        String service,
        boolean running,
        @Nullable Integer exitCode,
        boolean stoppedByHearth,
        double cpuPercent,
        long memoryBytes,
        long memoryLimitBytes) {}
