package dev.hearth.monitoring;

import dev.hearth.downloads.TaskStatus;
import dev.hearth.platform.integration.Health;
import dev.hearth.services.HealthBoard;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The collected figures as Prometheus metrics under {@code hearth_}, with units in the names
 * (Prometheus's conventions: base units, ratios 0–1, counters ending in {@code _total}). Meters read the
 * last values; a mount or interface that appears later gets its meters on the sample that shows it.
 */
@Singleton
class MonitoringMeters implements SampleConsumer {
    private final MeterRegistry registry;
    private final HealthBoard services;
    private final AlertService alerts;
    private final DownloadWatch downloads;
    private final MetricsCollector collector;
    private final LiveHubMeters liveMeters;
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    MonitoringMeters(
            MeterRegistry registry,
            HealthBoard services,
            AlertService alerts,
            DownloadWatch downloads,
            MetricsCollector collector,
            LiveHubMeters liveMeters) {
        this.registry = registry;
        this.services = services;
        this.alerts = alerts;
        this.downloads = downloads;
        this.collector = collector;
        this.liveMeters = liveMeters;
    }

    @Override
    public void accept(HostSnapshot s) {
        gauge(
                "hearth_cpu_usage_ratio",
                "Share of CPU time not idle, all cores",
                Tags.empty(),
                s.cpu().usage() / 100);
        for (int i = 0; i < s.cpu().cores().size(); i++) {
            gauge(
                    "hearth_cpu_core_usage_ratio",
                    "Share of CPU time not idle, per core",
                    Tags.of("core", String.valueOf(i)),
                    s.cpu().cores().get(i) / 100);
        }
        gauge(
                "hearth_load1",
                "Load average over 1 minute",
                Tags.empty(),
                s.cpu().load1());
        gauge(
                "hearth_load5",
                "Load average over 5 minutes",
                Tags.empty(),
                s.cpu().load5());
        gauge(
                "hearth_load15",
                "Load average over 15 minutes",
                Tags.empty(),
                s.cpu().load15());
        if (s.cpu().temperature() != null)
            gauge(
                    "hearth_cpu_temperature_celsius",
                    "Hottest CPU sensor",
                    Tags.empty(),
                    s.cpu().temperature());
        gauge(
                "hearth_memory_total_bytes",
                "Physical memory",
                Tags.empty(),
                s.memory().total());
        gauge(
                "hearth_memory_used_bytes",
                "Memory in use, page cache excluded",
                Tags.empty(),
                s.memory().used());
        gauge(
                "hearth_memory_available_bytes",
                "Memory available to new work",
                Tags.empty(),
                s.memory().available());
        gauge("hearth_swap_total_bytes", "Swap space", Tags.empty(), s.memory().swapTotal());
        gauge("hearth_swap_used_bytes", "Swap in use", Tags.empty(), s.memory().swapUsed());
        for (HostSnapshot.Disk d : s.disks()) {
            Tags t = Tags.of("mount", d.mount(), "device", d.device());
            gauge("hearth_disk_total_bytes", "Size of a mounted filesystem", t, d.total());
            gauge("hearth_disk_used_bytes", "Bytes used on a mounted filesystem", t, d.used());
            gauge("hearth_disk_free_bytes", "Bytes available to users on a mounted filesystem", t, d.free());
        }
        for (HostSnapshot.Interface n : s.network().interfaces()) {
            Tags t = Tags.of("interface", n.name());
            counter("hearth_network_received_bytes", "Bytes received by an interface", t, n.rxBytes());
            counter("hearth_network_transmitted_bytes", "Bytes sent by an interface", t, n.txBytes());
        }
        if (s.network().latencyMs() != null)
            gauge(
                    "hearth_network_latency_seconds",
                    "TCP connect time to the latency target",
                    Tags.empty(),
                    s.network().latencyMs() / 1000);
        for (HostSnapshot.Gpu g : s.gpus()) {
            Tags t = Tags.of("gpu", String.valueOf(g.index()), "name", g.name());
            gauge("hearth_gpu_usage_ratio", "GPU utilisation", t, g.usage() / 100);
            gauge("hearth_gpu_memory_used_bytes", "GPU memory in use", t, g.memoryUsed());
        }
        for (ContainerUsage c : s.containers()) {
            Tags t = Tags.of("container", c.name(), "service", c.service());
            gauge("hearth_container_cpu_usage_ratio", "Container CPU, share of one core", t, c.cpuPercent() / 100);
            gauge("hearth_container_memory_used_bytes", "Container memory", t, c.memoryBytes());
            gauge("hearth_container_running", "1 when the container runs", t, c.running() ? 1 : 0);
        }
        for (ProcessUsage p : s.processes()) {
            Tags t = Tags.of("service", p.service());
            gauge(
                    "hearth_process_cpu_usage_ratio",
                    "Supervised process CPU, share of one core",
                    t,
                    p.cpuPercent() / 100);
            gauge("hearth_process_resident_memory_bytes", "Supervised process resident memory", t, p.memoryBytes());
        }
        for (HealthBoard.Entry v : services.entries()) {
            gauge(
                    "hearth_service_up",
                    "1 when the service answers its health check, 0 when not (unknown: 0)",
                    Tags.of("service", v.name()),
                    v.health().status() == Health.Status.ONLINE ? 1 : 0);
        }
        AlertService.Summary summary = alerts.summary();
        summary.byLevel()
                .forEach((level, count) ->
                        gauge("hearth_alerts_active", "Open alerts by level", Tags.of("level", level.id()), count));
        DownloadWatch.Figures f = downloads.figures();
        for (TaskStatus st : TaskStatus.values()) {
            gauge(
                    "hearth_downloads",
                    "Download tasks by status",
                    Tags.of("status", st.id()),
                    f.byStatus().getOrDefault(st, 0));
        }
        gauge(
                "hearth_download_speed_bytes_per_second",
                "Summed download rate of all clients",
                Tags.of("direction", "down"),
                f.downloadSpeed());
        gauge(
                "hearth_download_speed_bytes_per_second",
                "Summed download rate of all clients",
                Tags.of("direction", "up"),
                f.uploadSpeed());
        gauge(
                "hearth_collector_sample_seconds",
                "Wall time of the last host sample",
                Tags.empty(),
                collector.lastCostNanos() / 1e9);
        liveMeters.register(registry);
    }

    private String id(String name, Tags tags) {
        StringBuilder b = new StringBuilder(name);
        tags.forEach(t -> b.append('|').append(t.getKey()).append('=').append(t.getValue()));
        return b.toString();
    }

    private void gauge(String name, String help, Tags tags, double value) {
        String id = id(name, tags);
        if (values.put(id, value) == null) {
            ToDoubleFunction<Map<String, Double>> read = m -> m.getOrDefault(id, Double.NaN);
            Gauge.builder(name, values, read).description(help).tags(tags).register(registry);
        }
    }

    private void counter(String name, String help, Tags tags, double value) {
        String id = id(name, tags);
        if (values.put(id, value) == null) {
            ToDoubleFunction<Map<String, Double>> read = m -> m.getOrDefault(id, 0.0);
            FunctionCounter.builder(name, values, read)
                    .description(help)
                    .tags(tags)
                    .register(registry);
        }
    }
}
