package dev.hearth.monitoring;

import dev.hearth.monitoring.history.HistoryStore;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.services.HealthBoard;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each sample goes to the history store and to the system_metrics channel; service health is compared
 * with the previous sample's and each change goes to service_status (until the services feature
 * publishes its own state changes, this is how the live channel hears of them).
 */
@Singleton
class HistoryAndLive implements SampleConsumer {
    private final MetricsCollector collector;
    private final HistoryStore history;
    private final LiveHub live;
    private final HealthBoard services;
    private final DownloadWatch downloads;
    private final Map<String, Health.Status> lastStatus = new HashMap<>();

    HistoryAndLive(
            MetricsCollector collector,
            HistoryStore history,
            LiveHub live,
            HealthBoard services,
            DownloadWatch downloads) {
        this.collector = collector;
        this.history = history;
        this.live = live;
        this.services = services;
        this.downloads = downloads;
    }

    @Override
    public void accept(HostSnapshot s) {
        history.record(s, collector.primaryDisk(s));
        MetricsView view = collector.view(s);
        Map<String, Object> data = new LinkedHashMap<>(view.metrics());
        data.put("timestamp", view.timestamp());
        // MLTB's system_metrics fields, beside Monsterr's
        data.put("cpuUsage", view.cpu().usage());
        data.put("memoryUsage", view.memory().usage());
        data.put("activeTasks", downloads.activeTasks());
        live.publish("system_metrics", null, data);
        for (HealthBoard.Entry v : services.entries()) {
            Health.Status now = v.health().status();
            Health.Status before = lastStatus.put(v.name(), now);
            if (before != null && before != now) {
                live.publish(
                        "service_status",
                        v.name(),
                        Map.of(
                                "name",
                                v.name(),
                                "status",
                                now.name().toLowerCase(),
                                "previous",
                                before.name().toLowerCase(),
                                "message",
                                v.health().message()));
            }
        }
    }
}
