package dev.hearth.monitoring.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One point of history: averages over its bucket (weighted by samples), the CPU peak, bytes as bytes. */
public record HistoryPoint(
        Instant at,
        int samples,
        double cpuUsage,
        double cpuMax,
        @Nullable Double temperature,
        double load1,
        double memoryUsage,
        long memoryTotal,
        long memoryUsed,
        double swapUsage,
        double diskUsage,
        long diskTotal,
        long diskUsed,
        long diskFree,
        double rxRate,
        double txRate,
        long rxTotal,
        long txTotal) {}
