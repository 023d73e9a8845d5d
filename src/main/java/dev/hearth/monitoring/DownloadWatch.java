package dev.hearth.monitoring;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.services.ServiceCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Asks every download client, every {@code download_check_interval}, for its tasks: a failed one raises
 * an alert (resolved when the task is retried or removed), and the counts and speeds feed /metrics.
 * One list call per client per interval, beside the downloads feature's own poller.
 */
@Singleton
public class DownloadWatch {
    public record Figures(Map<TaskStatus, Integer> byStatus, long downloadSpeed, long uploadSpeed) {}

    private final ServiceCatalog services;
    private final AlertService alerts;
    private final Scheduler scheduler;
    private final ConfigService config;
    private final Set<String> failing = new HashSet<>();
    private volatile Figures figures = new Figures(Map.of(), 0, 0);

    public DownloadWatch(ServiceCatalog services, AlertService alerts, Scheduler scheduler, ConfigService config) {
        this.services = services;
        this.alerts = alerts;
        this.scheduler = scheduler;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        scheduler.every("download-watch", config.current().monitoring().alerts().downloadCheckInterval(), this::check);
    }

    public Figures figures() {
        return figures;
    }

    public int activeTasks() {
        return figures.byStatus().getOrDefault(TaskStatus.DOWNLOADING, 0);
    }

    synchronized void check() {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        long down = 0, up = 0;
        Set<String> now = new HashSet<>();
        Set<String> unreachable = new HashSet<>();
        for (DownloadClient client : services.withCapability(DownloadClient.class)) {
            try {
                for (DownloadTask t : client.list()) {
                    counts.merge(t.status(), 1, Integer::sum);
                    down += t.downloadSpeed();
                    up += t.uploadSpeed();
                    if (t.status() != TaskStatus.FAILED) continue;
                    String key = "download:" + client.serviceName() + ":" + t.id();
                    now.add(key);
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("service", client.serviceName());
                    details.put("task_id", t.id());
                    details.put("name", t.name());
                    details.put("error", t.error());
                    alerts.raise(key, AlertLevel.ERROR, "downloads", "Download failed: " + t.name() + (t.error() == null ? "" : " (" + t.error() + ")"),
                            details);
                }
            } catch (RuntimeException e) {
                // a client that does not answer keeps its alerts as they are; "service down" speaks for it
                unreachable.add("download:" + client.serviceName() + ":");
            }
        }
        for (String key : failing) {
            if (!now.contains(key) && unreachable.stream().noneMatch(key::startsWith)) alerts.resolve(key, "rule");
        }
        failing.removeIf(key -> unreachable.stream().noneMatch(key::startsWith));
        failing.addAll(now);
        figures = new Figures(counts, down, up);
    }
}
