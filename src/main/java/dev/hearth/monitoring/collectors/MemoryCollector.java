package dev.hearth.monitoring.collectors;

import dev.hearth.monitoring.HostSnapshot;
import java.util.List;

/** Memory and swap from {@code /proc/meminfo}; "used" excludes the page cache, as {@code free} reports it. */
public final class MemoryCollector {
    private final HostPaths paths;

    public MemoryCollector(HostPaths paths) {
        this.paths = paths;
    }

    public HostSnapshot.Memory read() {
        List<String> lines = HostPaths.lines(paths.proc().resolve("meminfo"));
        long total = kb(lines, "MemTotal:");
        long available = kb(lines, "MemAvailable:");
        long swapTotal = kb(lines, "SwapTotal:");
        long swapFree = kb(lines, "SwapFree:");
        return new HostSnapshot.Memory(
                total, Math.max(0, total - available), available, swapTotal, Math.max(0, swapTotal - swapFree));
    }

    private static long kb(List<String> lines, String key) {
        for (String l : lines) {
            if (l.startsWith(key)) {
                String[] f = l.substring(key.length()).trim().split("\\s+");
                return Long.parseLong(f[0]) * 1024;
            }
        }
        return 0;
    }
}
