package dev.hearth.monitoring;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One sample of the host and its workloads. Bytes are bytes and rates are bytes per second here; the
 * doors convert to the seed's units (GB, MB/s) where the seed shows them.
 */
public record HostSnapshot(
        Instant at,
        Cpu cpu,
        Memory memory,
        List<Disk> disks,
        Network network,
        List<Gpu> gpus,
        List<ContainerUsage> containers,
        List<ProcessUsage> processes) {

    /** {@code usage} and {@code cores} in percent; {@code temperature} in °C, null where no sensor exists. */
    public record Cpu(
            double usage,
            List<Double> cores,
            double load1,
            double load5,
            double load15,
            @Nullable Double temperature) {}

    /** {@code used} as {@code free} counts it: total minus MemAvailable, so the page cache is not "used". */
    public record Memory(long total, long used, long available, long swapTotal, long swapUsed) {
        public long free() {
            return total - used;
        }

        public double usage() {
            return percent(used, total);
        }

        public double swapUsage() {
            return percent(swapUsed, swapTotal);
        }
    }

    public record Disk(String mount, String device, String type, long total, long used, long free) {
        public double usage() {
            // as df: used over what users can have (used + available), so reserved blocks do not hide a full disk
            return percent(used, used + free);
        }
    }

    /** Totals and rates over every interface but loopback; {@code latencyMs} null when no target is set or it is unreachable. */
    public record Network(
            List<Interface> interfaces,
            double rxRate,
            double txRate,
            long rxTotal,
            long txTotal,
            @Nullable Double latencyMs,
            boolean targetSet) {}

    public record Interface(String name, long rxBytes, long txBytes, double rxRate, double txRate) {}

    public record Gpu(
            int index,
            String name,
            double usage,
            long memoryTotal,
            long memoryUsed,
            @Nullable Double temperature) {}

    public static double percent(double part, double whole) {
        return whole <= 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
