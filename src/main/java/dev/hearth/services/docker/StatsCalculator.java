package dev.hearth.services.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Computes {@link ContainerStats} from a {@code /containers/{id}/stats} sample with the same
 * formulas as the {@code docker stats} command, so Hearth's numbers match what users see there.
 */
final class StatsCalculator {

    private StatsCalculator() {}

    static ContainerStats from(JsonNode s) {
        long used = memoryUsed(s.path("memory_stats"));
        long limit = s.path("memory_stats").path("limit").asLong(0);
        double memoryPercent = limit > 0 ? used * 100.0 / limit : 0.0;
        long[] net = network(s.path("networks"));
        long[] block = blockIo(s.path("blkio_stats").path("io_service_bytes_recursive"));
        return new ContainerStats(
                cpuPercent(s),
                used,
                limit,
                memoryPercent,
                net[0],
                net[1],
                block[0],
                block[1],
                s.path("pids_stats").path("current").asLong(0));
    }

    /**
     * The container's CPU time over the interval, divided by the whole host's CPU time over the same
     * interval, times the number of CPUs: one fully busy core reads 100 %. {@code precpu_stats} is the
     * previous sample, which the engine fills when asked with {@code stream=false} (not one-shot).
     */
    static double cpuPercent(JsonNode s) {
        JsonNode cpu = s.path("cpu_stats");
        JsonNode pre = s.path("precpu_stats");
        if (pre.path("system_cpu_usage").asLong(0) == 0) {
            // No previous sample (one-shot, or the container just started): the "delta" would be the
            // average since the host booted, which is not what anyone means by current CPU use.
            return 0.0;
        }
        double cpuDelta = cpu.path("cpu_usage").path("total_usage").asDouble(0)
                - pre.path("cpu_usage").path("total_usage").asDouble(0);
        double systemDelta = cpu.path("system_cpu_usage").asDouble(0)
                - pre.path("system_cpu_usage").asDouble(0);
        long cpus = cpu.path("online_cpus").asLong(0);
        if (cpus == 0) {
            cpus = cpu.path("cpu_usage").path("percpu_usage").size(); // engines before online_cpus existed
        }
        if (cpuDelta <= 0 || systemDelta <= 0 || cpus == 0) {
            return 0.0;
        }
        return cpuDelta / systemDelta * cpus * 100.0;
    }

    /**
     * Usage minus the inactive page cache, which the kernel reclaims under pressure and so is not
     * "used" in the sense a person means. cgroup v1 reports {@code total_inactive_file} (older CLIs
     * subtracted {@code cache}); cgroup v2 reports {@code inactive_file}.
     */
    static long memoryUsed(JsonNode memory) {
        long usage = memory.path("usage").asLong(0);
        JsonNode stats = memory.path("stats");
        long reclaimable;
        if (stats.has("total_inactive_file")) {
            reclaimable = stats.path("total_inactive_file").asLong(0);
        } else if (stats.has("inactive_file")) {
            reclaimable = stats.path("inactive_file").asLong(0);
        } else {
            reclaimable = stats.path("cache").asLong(0);
        }
        return reclaimable > 0 && reclaimable < usage ? usage - reclaimable : usage;
    }

    /** Sum over all interfaces; a container on network "none" has no entries and reads 0. */
    private static long[] network(JsonNode networks) {
        long rx = 0;
        long tx = 0;
        for (JsonNode n : networks) {
            rx += n.path("rx_bytes").asLong(0);
            tx += n.path("tx_bytes").asLong(0);
        }
        return new long[] {rx, tx};
    }

    /** cgroup v1 writes "Read"/"Write", cgroup v2 "read"/"write". */
    private static long[] blockIo(JsonNode entries) {
        long read = 0;
        long write = 0;
        for (JsonNode e : entries) {
            String op = e.path("op").asText("").toLowerCase(Locale.ROOT);
            if (op.equals("read")) {
                read += e.path("value").asLong(0);
            } else if (op.equals("write")) {
                write += e.path("value").asLong(0);
            }
        }
        return new long[] {read, write};
    }
}
