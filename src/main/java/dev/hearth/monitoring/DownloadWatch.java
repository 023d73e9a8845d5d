package dev.hearth.monitoring;

import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.StatusFilter;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.scheduler.Scheduler;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the downloads feature's task store (kept fresh by its one poller per client) every
 * {@code download_check_interval}: a failed task raises an alert (resolved when it is retried or
 * removed), and the counts and speeds feed /metrics. It never calls a client itself.
 */
@Singleton
public class DownloadWatch {
    public record Figures(Map<TaskStatus, Integer> byStatus, long downloadSpeed, long uploadSpeed) {}

    private static final int MAX_TASKS = 100_000;
    private final DownloadService downloads;
    private final AlertService alerts;
    private final Scheduler scheduler;
    private final ConfigService config;
    private final Set<String> failing = new HashSet<>();
    private volatile Figures figures = new Figures(Map.of(), 0, 0);

    public DownloadWatch(DownloadService downloads, AlertService alerts, Scheduler scheduler, ConfigService config) {
        this.downloads = downloads;
        this.alerts = alerts;
        this.scheduler = scheduler;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        scheduler.every(
                "download-watch",
                config.current().section(MonitoringConfig.class).alerts().downloadCheckInterval(),
                this::check);
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
        for (Task t : downloads.list(new StatusFilter.All(), null, MAX_TASKS, 0).tasks()) {
            counts.merge(t.status(), 1, Integer::sum);
            down += t.downloadSpeed();
            up += t.uploadSpeed();
            if (t.status() != TaskStatus.FAILED) continue;
            String key = "download:" + t.id();
            now.add(key);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("service", t.client());
            details.put("task_id", t.id());
            details.put("name", t.name());
            details.put("error", t.error());
            alerts.raise(
                    key,
                    AlertLevel.ERROR,
                    "downloads",
                    "Download failed: " + t.name() + (t.error() == null ? "" : " (" + t.error() + ")"),
                    details);
        }
        // A client that does not answer keeps its tasks' last state in the store, so its alerts stay as they are.
        for (String key : failing) {
            if (!now.contains(key)) alerts.resolve(key, "rule");
        }
        failing.clear();
        failing.addAll(now);
        figures = new Figures(counts, down, up);
    }
}
