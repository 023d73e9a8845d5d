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
    /**
     * Every this many polls of a client, all its tasks are written, not only the changed ones: a row Hearth changed
     * itself (a pause, a completion) while the client's own figures stayed put is set back to what the client says.
     */
    static final int FULL_WRITE_EVERY = 12;

    /**
     * Each client's tasks as its last poll listed them, by the client's id, the polls since all were written, and the
     * tasks to write at the next poll whatever their figures (a completion rewrote their rows).
     */
    private record Listed(Map<String, DownloadTask> tasks, int sinceFullWrite, java.util.Set<String> rewrite) {}

    private final Map<String, Listed> lastPolled = new java.util.concurrent.ConcurrentHashMap<>();

    public DownloadReadings(
            ClientDirectory clients,
            TaskStore store,
            Completions completions,
            Database db,
            ConfigService config,
            Clock clock,
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
                ? Optional.of(config.current().section(DownloadsConfig.class).pollInterval())
                : Optional.empty();
    }

    @Override
    public void onReading(ServiceRegistry.Bound service, Reading reading) {
        if (service.integration() instanceof DownloadClient) record(service.name(), reading);
    }

    /** Keeps one reading of client {@code name}; one that failed changes nothing here (the board holds its health). */
    public void record(String name, Reading reading) {
        reading.data(ClientSnapshot.class).ifPresent(s -> keep(name, s));
    }

    /**
     * Writes what moved since the client's last poll: a thousand idle torrents are a thousand unchanged rows, and
     * rewriting them every few seconds was most of a poll's work. The first poll after a start, and every
     * {@link #FULL_WRITE_EVERY}th, writes every task and hides the unlisted by their {@code last_seen_at}; the others
     * hide the tasks the last poll listed and this one does not.
     */
    private void keep(String name, ClientSnapshot snapshot) {
        List<DownloadTask> tasks = snapshot.tasks();
        long now = clock.millis();
        Listed before = lastPolled.get(name);
        boolean full = before == null || before.sinceFullWrite() + 1 >= FULL_WRITE_EVERY;
        Map<String, DownloadTask> previous = before == null ? Map.of() : before.tasks();
        java.util.Set<String> rewrite = before == null ? java.util.Set.of() : before.rewrite();
        Map<String, DownloadTask> current = new java.util.HashMap<>(tasks.size() * 2);
        List<DownloadTask> changed = new java.util.ArrayList<>();
        for (DownloadTask t : tasks) {
            current.put(t.id(), t);
            if (full || !t.equals(previous.get(t.id())) || rewrite.contains(t.id())) changed.add(t);
        }
        db.inTransaction(() -> {
            for (DownloadTask t : changed) store.recordPolled(name, t, now);
            if (full) {
                store.markGone(name, now, now - GRACE.toMillis());
            } else {
                for (String id : previous.keySet()) {
                    if (!current.containsKey(id)) store.markVanished(Task.idOf(name, id), now);
                }
                store.markNeverListed(name, now, now - GRACE.toMillis());
            }
            return null;
        });
        java.util.Set<String> awaiting = store.awaitingCompletion(name);
        java.util.Set<String> completedNow = new java.util.HashSet<>();
        for (DownloadTask t : tasks) {
            if (t.status().isFinished() && awaiting.contains(Task.idOf(name, t.id()))) {
                completions.record(
                        Task.idOf(name, t.id()), t.completedAt() == null ? clock.instant() : t.completedAt());
                completedNow.add(t.id());
            }
        }
        clients.recordStats(name, snapshot.stats());
        publishChanges(name, tasks, previous);
        // A completion rewrites the row (progress, status): the next poll writes the client's figures over it again,
        // while the live updates still compare with what this poll listed (nothing moved: nothing sent).
        lastPolled.put(
                name, new Listed(current, before == null || full ? 0 : before.sinceFullWrite() + 1, completedNow));
    }

    /**
     * Live {@code task_updates}: only the tasks whose figures moved since the last poll, so a quiet client
     * sends nothing. Compared with the last poll kept here, not with the store: a poll of a thousand idle
     * tasks reads nothing back.
     */
    private void publishChanges(String client, List<DownloadTask> tasks, Map<String, DownloadTask> previous) {
        for (DownloadTask t : tasks) {
            DownloadTask old = previous.get(t.id());
            if (old == null
                    || old.status() != t.status()
                    || old.progress() != t.progress()
                    || old.downloaded() != t.downloaded()
                    || old.downloadSpeed() != t.downloadSpeed()
                    || old.uploadSpeed() != t.uploadSpeed()
                    || old.eta() != t.eta()
                    || old.peers() != t.peers()
                    || old.seeds() != t.seeds()) {
                store.find(Task.idOf(client, t.id()))
                        .ifPresent(task -> live.publish(DownloadChannels.TASK_UPDATES.name(), task.id(), task));
            }
        }
    }
}
