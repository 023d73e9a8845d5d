package dev.hearth.system;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.scheduler.Scheduler;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU, memory and disk use of the host, sampled every few seconds so that {@code /api/v1/status} only
 * reads a number. Memory is "used" as {@code free} counts it: total minus MemAvailable, page cache excluded.
 */
@Singleton
public class HostSampler {
    public record Sample(double cpuPercent, double memoryPercent, long memoryTotal, long memoryUsed, double diskPercent, long diskTotal, long diskUsed) {}

    private final ConfigService config;
    private final Scheduler scheduler;
    private volatile Sample last = new Sample(0, 0, 0, 0, 0, 0, 0);
    private long[] previousCpu = new long[0];

    public HostSampler(ConfigService config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent ignored) {
        sample();
        scheduler.every("host-sample", Duration.ofSeconds(5), this::sample);
    }

    public Sample last() {
        return last;
    }

    synchronized void sample() {
        double cpu = cpuPercent();
        long[] mem = memory();
        long diskTotal = 0, diskUsed = 0;
        try {
            var store = Files.getFileStore(existing(config.dataDir().toAbsolutePath()));
            diskTotal = store.getTotalSpace();
            diskUsed = diskTotal - store.getUsableSpace();
        } catch (IOException e) {
            // keep zeros: a missing mount shows as 0 rather than failing the status
        }
        last = new Sample(round(cpu), round(percent(mem[1], mem[0])), mem[0], mem[1], round(percent(diskUsed, diskTotal)), diskTotal, diskUsed);
    }

    private static Path existing(Path p) {
        Path cur = p;
        while (cur != null && !Files.exists(cur)) cur = cur.getParent();
        return cur == null ? Path.of("/") : cur;
    }

    private double cpuPercent() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] now = new long[f.length - 1];
            for (int i = 1; i < f.length; i++) now[i - 1] = Long.parseLong(f[i]);
            long[] before = previousCpu;
            previousCpu = now;
            if (before.length != now.length) return 0;
            long idle = (now[3] + now[4]) - (before[3] + before[4]);
            long total = 0;
            for (int i = 0; i < Math.min(8, now.length); i++) total += now[i] - before[i];
            return total <= 0 ? 0 : 100.0 * (total - idle) / total;
        } catch (IOException | RuntimeException e) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return Math.max(0, os.getCpuLoad() * 100);
        }
    }

    /** {total, used} in bytes. */
    private static long[] memory() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            long total = kb(lines, "MemTotal:"), available = kb(lines, "MemAvailable:");
            return new long[] {total, total - available};
        } catch (IOException | RuntimeException e) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new long[] {os.getTotalMemorySize(), os.getTotalMemorySize() - os.getFreeMemorySize()};
        }
    }

    private static long kb(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElseThrow();
    }

    private static double percent(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
