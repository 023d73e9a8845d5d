package dev.hearth.monitoring.collectors;

import dev.hearth.monitoring.ProcessUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and memory of supervised processes from {@code /proc/<pid>/stat} (utime + stime, in clock ticks of
 * 1/100 s on Linux) and {@code /proc/<pid>/status} (VmRSS). CPU is percent of one core since the last sample.
 */
public final class ProcessCollector {
    private static final double TICKS_PER_SECOND = 100.0;

    private record Ticks(long ticks, long atNanos) {}

    private final HostPaths paths;
    private Map<Long, Ticks> previous = Map.of();

    public ProcessCollector(HostPaths paths) {
        this.paths = paths;
    }

    public synchronized List<ProcessUsage> read(Map<String, Long> pids, long nowNanos) {
        Map<Long, Ticks> now = new HashMap<>();
        List<ProcessUsage> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            long pid = e.getValue();
            List<String> stat = HostPaths.lines(paths.proc().resolve(pid + "/stat"));
            if (stat.isEmpty()) continue;
            // the command name is in parentheses and may hold spaces: fields are counted after the last ')'
            String s = stat.getFirst();
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            Ticks t = new Ticks(ticks, nowNanos);
            now.put(pid, t);
            Ticks p = previous.get(pid);
            double seconds = p == null ? 0 : (nowNanos - p.atNanos) / 1e9;
            double cpu = p != null && seconds > 0
                    ? Math.round(1000.0 * (ticks - p.ticks) / TICKS_PER_SECOND / seconds) / 10.0
                    : 0;
            out.add(new ProcessUsage(e.getKey(), pid, Math.max(0, cpu), rss(pid)));
        }
        previous = now;
        return out;
    }

    private long rss(long pid) {
        for (String l : HostPaths.lines(paths.proc().resolve(pid + "/status"))) {
            if (l.startsWith("VmRSS:"))
                return Long.parseLong(l.substring(6).trim().split("\\s+")[0]) * 1024;
        }
        return 0;
    }
}
