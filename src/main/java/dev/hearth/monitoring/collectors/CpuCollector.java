package dev.hearth.monitoring.collectors;

import java.util.ArrayList;
import java.util.List;

/**
 * CPU use in total and per core from the counters of {@code /proc/stat}, as the difference to the previous
 * sample (so the first sample reads 0), and the load averages of {@code /proc/loadavg}.
 */
public final class CpuCollector {
    public record Reading(double total, List<Double> cores, double load1, double load5, double load15) {}

    private final HostPaths paths;
    private List<long[]> previous = List.of();

    public CpuCollector(HostPaths paths) {
        this.paths = paths;
    }

    public synchronized Reading read() {
        List<long[]> now = new ArrayList<>();
        for (String line : HostPaths.lines(paths.proc().resolve("stat"))) {
            if (!line.startsWith("cpu")) break;
            String[] f = line.trim().split("\\s+");
            long[] counters = new long[Math.min(8, f.length - 1)];
            for (int i = 0; i < counters.length; i++) counters[i] = Long.parseLong(f[i + 1]);
            now.add(counters);
        }
        List<long[]> before = previous;
        previous = now;
        double total = 0;
        List<Double> cores = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            double use = i < before.size() ? busy(before.get(i), now.get(i)) : 0;
            if (i == 0) total = use;
            else cores.add(use);
        }
        double[] load = loadAverages();
        return new Reading(total, cores, load[0], load[1], load[2]);
    }

    /** Percent of time not idle (idle + iowait) between two counter sets; steal and guest count as busy. */
    static double busy(long[] a, long[] b) {
        long total = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) total += b[i] - a[i];
        long idle = (b[3] - a[3]) + (b.length > 4 ? b[4] - a[4] : 0);
        if (total <= 0) return 0;
        return Math.round(1000.0 * (total - idle) / total) / 10.0;
    }

    private double[] loadAverages() {
        List<String> lines = HostPaths.lines(paths.proc().resolve("loadavg"));
        if (lines.isEmpty()) return new double[3];
        String[] f = lines.getFirst().trim().split("\\s+");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }
}
