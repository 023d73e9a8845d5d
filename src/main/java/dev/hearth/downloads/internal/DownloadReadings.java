package dev.hearth.downloads.internal;

import dev.hearth.downloads.ClientSnapshot;
import dev.hearth.downloads.DownloadChannels;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.DownloadsConfig;
import dev.hearth.downloads.Task;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.integration.Reading;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.storage.Database;
import dev.hearth.services.PollCadence;
import dev.hearth.services.ReadingListener;
import dev.hearth.services.ServiceRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each poll of a download client found, kept: the health board polls every client once per
 * {@code downloads.poll_interval} (its one poller, Home Assistant's coordinator), and this writes the tasks
 * to the task store, which every reader uses. A client that fails is offline on the board and its tasks
 * keep their last known state; nothing waits on it.
 */
@Singleton
public class DownloadReadings implements ReadingListener, PollCadence {
    /** How long a task added through Hearth may be missing from its client's list before it counts as gone. */
    static final Duration GRACE = Duration.ofMinutes(2);

    private final ClientDirectory clients;
    private final TaskStore store;
    private final Completions completions;
    private final Database db;
    private final ConfigService config;
    private final Clock clock;
    private final LiveHub live;

    public DownloadReadings(ClientDirectory clients, TaskStore store, Completions completions, Database db, ConfigService config, Clock clock,
                            LiveHub live) {
        this.clients = clients;
        this.store = store;
        this.completions = completions;
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.live = live;
    }

    @Override
    public Optional<Duration> interval(ServiceRegistry.Bound service) {
        return service.integration() instanceof DownloadClient
                ? Optional.of(config.current().section(DownloadsConfig.class).pollInterval()) : Optional.empty();
    }

    @Override
    public void onReading(ServiceRegistry.Bound service, Reading reading) {
        if (service.integration() instanceof DownloadClient) record(service.name(), reading);
    }

    /** Keeps one reading of client {@code name}; one that failed changes nothing here (the board holds its health). */
    public void record(String name, Reading reading) {
        reading.data(ClientSnapshot.class).ifPresent(s -> keep(name, s));
    }

    private void keep(String name, ClientSnapshot snapshot) {
        List<DownloadTask> tasks = snapshot.tasks();
        long now = clock.millis();
        Map<String, Task> before = byId(name);
        db.inTransaction(() -> {
            for (DownloadTask t : tasks) store.recordPolled(name, t, now);
            store.markGone(name, now, now - GRACE.toMillis());
            return null;
        });
        java.util.Set<String> awaiting = store.awaitingCompletion(name);
        for (DownloadTask t : tasks) {
            if (t.status().isFinished() && awaiting.contains(Task.idOf(name, t.id()))) {
                completions.record(Task.idOf(name, t.id()), t.completedAt() == null ? clock.instant() : t.completedAt());
            }
        }
        clients.recordStats(name, snapshot.stats());
        publishChanges(before, byId(name));
    }
    private Map<String, Task> byId(String client) {
        Map<String, Task> tasks = new java.util.HashMap<>();
        store.list(new dev.hearth.downloads.StatusFilter.All(), client, Integer.MAX_VALUE, 0).tasks().forEach(t -> tasks.put(t.id(), t));
        return tasks;
    }

    /** Live {@code task_updates}: only the tasks whose figures moved, so a quiet client sends nothing. */
    private void publishChanges(Map<String, Task> before, Map<String, Task> after) {
        for (Task t : after.values()) {
            Task old = before.get(t.id());
            if (old == null || old.status() != t.status() || old.progress() != t.progress() || old.downloaded() != t.downloaded()
                    || old.downloadSpeed() != t.downloadSpeed() || old.uploadSpeed() != t.uploadSpeed() || old.eta() != t.eta()
                    || old.peers() != t.peers() || old.seeds() != t.seeds()) {
                live.publish(DownloadChannels.TASK_UPDATES.name(), t.id(), t);
            }
        }
    }
}
