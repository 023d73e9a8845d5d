package dev.hearth.services.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a process tree's CPU time, resident memory and disk I/O from /proc, as {@code top} and
 * {@code pidstat} do. Processes that end while being read simply count as nothing.
 */
final class ProcStat {
    /** USER_HZ: 100 on every Linux architecture Hearth runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    record Sample(long cpuTicks, long rssBytes, long readBytes, long writeBytes, long nanoTime) {}

    private ProcStat() {}

    static Sample sample(List<Long> pids) {
        long ticks = 0, rss = 0, read = 0, write = 0;
        for (long pid : pids) {
            Path dir = Path.of("/proc", Long.toString(pid));
            try {
                String stat = Files.readString(dir.resolve("stat"));
                // The command name in parentheses may hold spaces: fields are counted after the last ')'.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
                for (String line : Files.readAllLines(dir.resolve("status"))) {
                    if (line.startsWith("VmRSS:")) rss += Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
                for (String line : Files.readAllLines(dir.resolve("io"))) {
                    if (line.startsWith("read_bytes:"))
                        read += Long.parseLong(line.substring(11).trim());
                    if (line.startsWith("write_bytes:"))
                        write += Long.parseLong(line.substring(12).trim());
                }
            } catch (IOException | RuntimeException gone) {
                // ended between listing and reading, or /proc/<pid>/io not readable: counts as nothing
            }
        }
        return new Sample(ticks, rss, read, write, System.nanoTime());
    }

    static double cpuPercent(Sample before, Sample after) {
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        if (seconds <= 0) return 0;
        return Math.max(0, (after.cpuTicks() - before.cpuTicks()) / TICKS_PER_SECOND / seconds * 100.0);
    }

    static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no limit known
        }
        return 0;
    }
}
