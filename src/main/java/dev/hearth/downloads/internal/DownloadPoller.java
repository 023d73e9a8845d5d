package dev.hearth.downloads.internal;

import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.Task;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.platform.storage.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * One poller per client (Home Assistant's coordinator): it asks the client once per interval and writes
 * the answer to the task store, which every reader uses. A client that fails is marked offline and its
 * tasks keep their last known state; nothing waits on it.
 */
@Singleton
public class DownloadPoller {
    private static final Logger LOG = Logger.getLogger(DownloadPoller.class);
    /** How long a task added through Hearth may be missing from its client's list before it counts as gone. */
    static final Duration GRACE = Duration.ofMinutes(2);

    private final ClientDirectory clients;
    private final TaskStore store;
    private final Completions completions;
    private final Database db;
    private final Scheduler scheduler;
    private final ConfigService config;
    private final Clock clock;
    private final LiveHub live;
    private final List<Scheduler.Job> jobs = new ArrayList<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public DownloadPoller(ClientDirectory clients, TaskStore store, Completions completions, Database db, Scheduler scheduler,
                          ConfigService config, Clock clock, LiveHub live) {
        this.clients = clients;
        this.store = store;
        this.completions = completions;
        this.db = db;
        this.scheduler = scheduler;
        this.config = config;
        this.clock = clock;
        this.live = live;
    }

    void start(@Observes StartupEvent ignored) {
        Duration interval = config.current().downloads().pollInterval();
        for (DownloadClient c : clients.all()) {
            jobs.add(scheduler.every("downloads-" + c.serviceName(), interval, () -> poll(c)));
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        jobs.forEach(Scheduler.Job::cancel);
    }

    /** Polls every client now, one after another (each is bounded by its own timeout). */
    public void pollAll() {
        clients.all().forEach(this::poll);
    }

    public void poll(DownloadClient client) {
        ReentrantLock lock = locks.computeIfAbsent(client.serviceName(), n -> new ReentrantLock());
        lock.lock();
        try {
            pollLocked(client);
        } finally {
            lock.unlock();
        }
    }

    private void pollLocked(DownloadClient client) {
        String name = client.serviceName();
        long start = clock.millis();
        List<DownloadTask> tasks;
        ClientStats stats;
        try {
            tasks = client.list();
            stats = client.stats();
        } catch (RuntimeException e) {
            clients.reportOffline(name, e, clock.millis() - start);
            LOG.debugf("Download client %s did not answer: %s", name, e.getMessage());
            return;
        }
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
        clients.reportOnline(name, stats, now - start);
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
                live.publish("task_updates", t.id(), t);
            }
        }
    }
}
