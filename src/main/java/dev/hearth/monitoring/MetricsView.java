package dev.hearth.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A sample in the seed's shape and units: memory and disk in GB (GiB, as the seed's 16.0 for a 16 GiB
 * host), network speeds in MB/s and totals in GB, latency in ms; every figure also in bytes
 * ({@code *_bytes}) so no client has to guess a unit.
 */
public record MetricsView(
        Instant timestamp,
        Map<String, Object> metrics,
        Cpu cpu,
        Memory memory,
        Disk disk,
        Network network,
        List<DiskMount> disks,
        List<HostSnapshot.Interface> interfaces,
        List<HostSnapshot.Gpu> gpus,
        List<ContainerUsage> containers,
        List<ProcessUsage> processes) {
    private static final double GB = 1024.0 * 1024 * 1024;
    private static final double MB = 1024.0 * 1024;

    public record Cpu(
            double usage,
            MetricStatus status,
            @Nullable Double temperature,
            List<Double> cores,
            List<Double> loadAverage) {}

    public record Memory(
            double usage,
            MetricStatus status,
            double total,
            double used,
            double free,
            long totalBytes,
            long usedBytes,
            long freeBytes,
            Swap swap) {}

    public record Swap(double usage, MetricStatus status, long totalBytes, long usedBytes) {}

    public record Disk(
            double usage,
            MetricStatus status,
            double total,
            double used,
            double free,
            String mount,
            long totalBytes,
            long usedBytes,
            long freeBytes) {}

    public record DiskMount(
            String mount,
            String device,
            String type,
            double usage,
            MetricStatus status,
            long totalBytes,
            long usedBytes,
            long freeBytes) {}

    public record Network(
            MetricStatus status,
            @Nullable Double latency,
            double downloadSpeed,
            double uploadSpeed,
            double totalDownloaded,
            double totalUploaded,
            double downloadSpeedBytes,
            double uploadSpeedBytes,
            long totalDownloadedBytes,
            long totalUploadedBytes) {}

    public static MetricsView of(HostSnapshot s, HostSnapshot.Disk primary, MonitoringConfig.Thresholds t) {
        HostSnapshot.Cpu c = s.cpu();
        Cpu cpu = new Cpu(
                c.usage(),
                MetricStatus.of(c.usage(), t.cpu()),
                c.temperature(),
                c.cores(),
                List.of(c.load1(), c.load5(), c.load15()));
        HostSnapshot.Memory m = s.memory();
        Memory memory = new Memory(
                m.usage(),
                MetricStatus.of(m.usage(), t.memory()),
                gb(m.total()),
                gb(m.used()),
                gb(m.free()),
                m.total(),
                m.used(),
                m.free(),
                new Swap(m.swapUsage(), MetricStatus.of(m.swapUsage(), t.swap()), m.swapTotal(), m.swapUsed()));
        Disk disk = new Disk(
                primary.usage(),
                MetricStatus.of(primary.usage(), t.disk()),
                gb(primary.total()),
                gb(primary.used()),
                gb(primary.free()),
                primary.mount(),
                primary.total(),
                primary.used(),
                primary.free());
        HostSnapshot.Network n = s.network();
        MetricStatus netStatus = !n.targetSet()
                ? MetricStatus.HEALTHY
                : n.latencyMs() == null ? MetricStatus.CRITICAL : MetricStatus.of(n.latencyMs(), t.latency());
        Network network = new Network(
                netStatus,
                n.latencyMs(),
                round(n.rxRate() / MB),
                round(n.txRate() / MB),
                gb(n.rxTotal()),
                gb(n.txTotal()),
                n.rxRate(),
                n.txRate(),
                n.rxTotal(),
                n.txTotal());
        List<DiskMount> mounts = s.disks().stream()
                .map(d -> new DiskMount(
                        d.mount(),
                        d.device(),
                        d.type(),
                        d.usage(),
                        MetricStatus.of(d.usage(), t.disk()),
                        d.total(),
                        d.used(),
                        d.free()))
                .toList();
        return new MetricsView(
                s.at(),
                Map.of("cpu", cpu, "memory", memory, "disk", disk, "network", network),
                cpu,
                memory,
                disk,
                network,
                mounts,
                n.interfaces(),
                s.gpus(),
                s.containers(),
                s.processes());
    }

    static double gb(long bytes) {
        return round(bytes / GB);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
