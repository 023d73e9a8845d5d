package dev.hearth.services;

import dev.hearth.platform.config.Durations;
import dev.hearth.platform.events.EventListener;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Reading;
import dev.hearth.platform.scheduler.Scheduler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * One poller per service, one board of what they found (Home Assistant's coordinator). Each service is
 * polled once per interval — its integration's {@code poll()} and its runtime's state — and every reader
 * (the API, the dashboard, alerts, metrics, the downloads feature through {@link ReadingListener}) reads the
 * last result with its age, never the upstream. Only {@code refresh} asks every service now, in parallel,
 * each bounded by its own timeout.
 */
@Singleton
public class HealthBoard implements ServiceRegistry.Listener, EventListener<ServiceStateChanged> {
    private static final Logger LOG = Logger.getLogger(HealthBoard.class);
    private static final Executor VIRTUAL =
            r -> Thread.ofVirtual().name("service-poll").start(r);
    private static final Duration STATS_MAX_AGE = Duration.ofSeconds(30);

    /** What the board holds for one service: its health, its runtime's state (if it has a runtime), and when they were read. */
    public record Entry(
            String name, Health health, @Nullable RuntimeStatus runtime, Instant checkedAt) {}

    public record Summary(int total, int online, int offline, int unknown) {}

    private record Usage(ResourceUsage usage, Instant at) {}

    private record Found(
            @Nullable Reading reading, @Nullable RuntimeStatus runtime, Instant at) {}

    private final ServiceRegistry registry;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Instance<PollCadence> cadences;
    private final Instance<ReadingListener> listeners;
    private final Map<String, Found> found = new ConcurrentHashMap<>();
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private final Set<String> sampling = ConcurrentHashMap.newKeySet();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Scheduler.Job> jobs = new HashMap<>();
    /** Moves after each change a reader could see; see {@link #changes()}. */
    private final AtomicLong changes = new AtomicLong();
    /** The last summary and the {@link #changes()} it was counted at: 200 rows are not built per request. */
    private volatile @Nullable CountedAt lastSummary;

    private volatile boolean started;

    private record CountedAt(long changes, Summary summary) {}

    public HealthBoard(
            ServiceRegistry registry,
            Scheduler scheduler,
            Clock clock,
            Instance<PollCadence> cadences,
            Instance<ReadingListener> listeners) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.clock = clock;
        // Looked up when polls are scheduled, not here: the features behind them depend on this board.
        this.cadences = cadences;
        this.listeners = listeners;
        registry.subscribe(this);
    }

    void start(@Observes StartupEvent ignored) {
        started = true;
        registry.all().forEach(this::schedule);
    }

    void stop(@Observes ShutdownEvent ignored) {
        synchronized (jobs) {
            jobs.values().forEach(Scheduler.Job::cancel);
            jobs.clear();
        }
    }

    @Override
    public void bound(ServiceRegistry.Bound service) {
        found.remove(service.name());
        schedule(service);
        changes.incrementAndGet();
    }

    @Override
    public void dropped(String name) {
        synchronized (jobs) {
            Scheduler.Job job = jobs.remove(name);
            if (job != null) job.cancel();
        }
        found.remove(name);
        usage.remove(name);
        changes.incrementAndGet();
    }

    /**
     * Forgets every service's last reading and resource usage (maintenance's clear_cache), then reads every
     * service again at once, each on its own thread, so the board is refilled within one poll's timeout.
     */
    public int forget() {
        int n = found.size() + usage.size();
        found.clear();
        usage.clear();
        changes.incrementAndGet();
        registry.all().forEach(b -> VIRTUAL.execute(() -> poll(b.name())));
        return n;
    }

    /** A runtime changed state (an engine's event, a supervised program's exit): read it again now, not at the next interval. */
    @Override
    public Class<ServiceStateChanged> type() {
        return ServiceStateChanged.class;
    }

    @Override
    public void on(ServiceStateChanged e) {
        usage.remove(e.service());
        changes.incrementAndGet();
        if (registry.find(e.service()).isPresent()) VIRTUAL.execute(() -> poll(e.service()));
    }

    private void schedule(ServiceRegistry.Bound b) {
        synchronized (jobs) {
            Scheduler.Job old = jobs.remove(b.name());
            if (old != null) old.cancel();
            if (started && (b.integration() != null || b.runtime() != null)) {
                jobs.put(b.name(), scheduler.every("poll-" + b.name(), interval(b), () -> poll(b.name())));
            }
        }
    }

    /** The service's {@code check_interval}, or shorter where a feature needs it fresher. */
    Duration interval(ServiceRegistry.Bound b) {
        Duration d = b.service().checkInterval();
        for (PollCadence c : cadences) {
            Optional<Duration> wanted = c.interval(b);
            if (wanted.isPresent() && wanted.get().compareTo(d) < 0) d = wanted.get();
        }
        return d;
    }

    // ---- polling -------------------------------------------------------------------------------------

    /** Polls one service now (one poll at a time per service), keeps what it found and hands the reading to every consumer. */
    public Optional<Entry> poll(String name) {
        Optional<ServiceRegistry.Bound> bound = registry.find(name);
        if (bound.isEmpty()) return Optional.empty();
        ServiceRegistry.Bound b = bound.get();
        ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
        lock.lock();
        try {
            long start = System.nanoTime();
            Reading reading = null;
            if (b.integration() != null) {
                try {
                    reading = b.integration().poll();
                } catch (RuntimeException e) {
                    // poll() must not throw; if one does, it is read like any other failure.
                    reading = Reading.of(HealthProbe.failed(clock, e, (System.nanoTime() - start) / 1_000_000));
                }
            }
            RuntimeStatus runtime = b.runtime() == null ? null : b.runtime().status();
            found.put(name, new Found(reading, runtime, clock.instant()));
            if (reading != null) {
                for (ReadingListener l : listeners) {
                    try {
                        l.onReading(b, reading);
                    } catch (RuntimeException e) {
                        LOG.warnf("A consumer of %s's reading failed: %s", name, e.getMessage());
                    }
                }
            }
            // After the consumers: what they kept from this reading (a client's tasks, its figures) is in place
            // before an answer built at the new count can be taken for current.
            changes.incrementAndGet();
            if (runtime != null && runtime.running() && b.runtime() instanceof Measurable m) sampleLater(name, m);
            return Optional.of(entry(b));
        } finally {
            lock.unlock();
        }
    }

    /** Polls now, one after another, every service whose kind offers {@code api} (each bounded by its own timeout). */
    public void pollAll(Class<?> api) {
        registry.offering(api).forEach(o -> poll(o.service()));
    }

    /** Stats take about a second: sample in the background, one at a time per service, for the next reader. */
    private void sampleLater(String name, Measurable runtime) {
        Usage u = usage.get(name);
        if (u != null && !u.at().isBefore(clock.instant().minus(STATS_MAX_AGE))) return;
        if (!sampling.add(name)) return;
        Thread.ofVirtual().name("stats-" + name).start(() -> {
            try {
                usage.put(name, new Usage(runtime.stats(), clock.instant()));
                changes.incrementAndGet();
            } catch (RuntimeException e) {
                usage.remove(name);
            } finally {
                sampling.remove(name);
            }
        });
    }

    /** A sample taken by someone else (a stats request): the next reader sees it. */
    void sampled(String name, ResourceUsage u) {
        usage.put(name, new Usage(u, clock.instant()));
        changes.incrementAndGet();
    }

    /**
     * A count that moves after every change a reader of the board could see: a poll (once its consumers kept what
     * they read), a service bound or dropped, a resource sample, a forgotten board. An answer built from the board
     * after reading {@code changes()} is current until the count moves, so readers asked many times a second (the
     * status route) build theirs once per change and serve it until the next one.
     */
    public long changes() {
        return changes.get();
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** The last health of a service: why it cannot be asked, what its last poll said, or unknown before the first. */
    public Health health(String name) {
        return registry.find(name).map(b -> entry(b).health()).orElseGet(() -> Health.unknown(clock.instant()));
    }

    /** The last reading of a service's integration, if it was polled. */
    public Optional<Reading> reading(String name) {
        Found f = found.get(name);
        return f == null ? Optional.empty() : Optional.ofNullable(f.reading());
    }

    public List<Entry> entries() {
        return registry.all().stream().map(this::entry).toList();
    }

    private Entry entry(ServiceRegistry.Bound b) {
        Found f = found.get(b.name());
        Instant at = f == null ? clock.instant() : f.at();
        Health health = b.problem() != null
                ? b.problem()
                : f != null && f.reading() != null ? f.reading().health() : Health.unknown(at);
        return new Entry(b.name(), health, f == null ? null : f.runtime(), at);
    }

    /**
     * Every service's row from the board, each with its age. With {@code refresh}, every service is polled
     * first, all at once, each bounded by its own timeout: the answer takes as long as the slowest, never the
     * sum, and one that does not answer in time is {@code unreachable}.
     */
    public List<ServiceHealth> healthAll(boolean refresh) {
        List<ServiceRegistry.Bound> all = registry.all();
        if (!refresh) return all.stream().map(b -> row(b, null)).toList();
        long t0 = System.nanoTime();
        List<CompletableFuture<Optional<Entry>>> futures = all.stream()
                .map(b -> CompletableFuture.supplyAsync(() -> poll(b.name()), VIRTUAL))
                .toList();
        List<ServiceHealth> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            ServiceRegistry.Bound b = all.get(i);
            long left = b.service().timeout().toNanos() - (System.nanoTime() - t0);
            try {
                futures.get(i).get(Math.max(0, left), TimeUnit.NANOSECONDS);
                out.add(row(b, null));
            } catch (TimeoutException e) {
                futures.get(i).cancel(true);
                out.add(row(
                        b, "no answer within " + Durations.format(b.service().timeout())));
            } catch (ExecutionException | InterruptedException e) {
                out.add(row(b, String.valueOf(e.getMessage())));
            }
        }
        return out;
    }

    /** One row; {@code unanswered} says why a refresh got no answer in time. */
    private ServiceHealth row(ServiceRegistry.Bound b, @Nullable String unanswered) {
        Instant now = clock.instant();
        Entry e = entry(b);
        long age = Math.max(0, Duration.between(e.checkedAt(), now).toMillis());
        if (unanswered != null) {
            return new ServiceHealth(
                    b.name(),
                    "unreachable",
                    "unreachable",
                    unanswered,
                    now,
                    b.service().timeout().toMillis(),
                    0,
                    null,
                    null,
                    null);
        }
        RuntimeStatus st = e.runtime();
        Health h = b.integration() != null || b.problem() != null ? e.health() : null;
        String status = st != null
                ? st.state().word()
                : h == null
                        ? "unknown"
                        : h.status() == Health.Status.ONLINE
                                ? "running"
                                : h.status() == Health.Status.UNKNOWN ? "unknown" : "unreachable";
        String word;
        if (h != null) {
            word = switch (h.status()) {
                case ONLINE -> "healthy";
                case OFFLINE -> "unhealthy";
                case UNKNOWN -> "unknown";
            };
        } else if (st != null && st.health() != null) {
            word = st.health();
        } else if (st != null) {
            word = st.running() ? "healthy" : st.state() == RunState.UNREACHABLE ? "unreachable" : "unhealthy";
        } else {
            word = "unknown";
        }
        String message = h != null ? h.message() : st != null ? st.message() : "no URL and no runtime to check";
        Duration up = st == null ? null : st.uptime(now);
        Usage u = st != null && st.running() ? usage.get(b.name()) : null;
        return new ServiceHealth(
                b.name(),
                status,
                word,
                message,
                e.checkedAt(),
                h == null ? 0 : h.latencyMs(),
                age,
                up == null ? null : up.toSeconds(),
                u == null ? null : u.usage().cpuPercent(),
                u == null ? null : u.usage().memoryUsed());
    }

    /** The services' health in four numbers, from the board (or from a refresh). */
    public Summary summary(boolean refresh) {
        if (refresh) return count(healthAll(true));
        long at = changes.get();
        CountedAt last = lastSummary;
        if (last != null && last.changes() == at) return last.summary();
        Summary counted = count(healthAll(false));
        lastSummary = new CountedAt(at, counted);
        return counted;
    }

    private static Summary count(List<ServiceHealth> rows) {
        int online = 0, offline = 0, unknown = 0;
        for (ServiceHealth h : rows) {
            switch (h.health()) {
                case "healthy" -> online++;
                case "unknown" -> unknown++;
                default -> offline++;
            }
        }
        return new Summary(online + offline + unknown, online, offline, unknown);
    }
}
