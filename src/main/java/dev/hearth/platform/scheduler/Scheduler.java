package dev.hearth.platform.scheduler;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Runs pollers at fixed intervals, each run on its own virtual thread. A run that is still going when the
 * next is due is skipped rather than stacked, a failing run is logged and the poller keeps its schedule,
 * and the first run starts after a small random delay so twenty pollers do not all fire at once. Pollers are
 * known by name, so one can be restarted (a run that hangs is interrupted and left behind, the schedule starts
 * afresh with a run at once) without restarting Hearth.
 */
@Singleton
public class Scheduler {
    private static final Logger LOG = Logger.getLogger(Scheduler.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hearth-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Poller> pollers = new ConcurrentHashMap<>();

    /** A scheduled poller; cancel it when what it polls goes away. */
    public interface Job {
        void cancel();
    }

    /** A poller as maintenance shows it: its name, interval, whether a run is going, runs and restarts so far. */
    public record PollerView(String name, Duration interval, boolean running, long runs, long restarts) {}

    /** One named poller; its fields change only under its own lock. */
    private final class Poller implements Job {
        final String name;
        final Duration interval;
        final Runnable task;
        private @Nullable ScheduledFuture<?> future;
        private @Nullable Thread running;
        private long generation;
        private long runs;
        private long restarts;
        private boolean cancelled;

        Poller(String name, Duration interval, Runnable task) {
            this.name = name;
            this.interval = interval;
            this.task = task;
        }

        synchronized void schedule(long firstDelayMs) {
            long periodMs = Math.max(1, interval.toMillis());
            long mine = ++generation;
            future = timer.scheduleAtFixedRate(() -> tick(mine), firstDelayMs, periodMs, TimeUnit.MILLISECONDS);
        }

        private void tick(long mine) {
            synchronized (this) {
                if (cancelled || mine != generation) return;
                if (running != null) {
                    LOG.debugf("Poller %s still running; skipping this round", name);
                    return;
                }
                runs++;
                running = Thread.ofVirtual().name("poll-" + name).unstarted(() -> run(mine));
                running.start();
            }
        }

        private void run(long mine) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf("Poller %s failed: %s", name, e.getMessage());
            } finally {
                synchronized (this) {
                    // a run left behind by a restart must not clear the flag of the new schedule's run
                    if (mine == generation) running = null;
                }
            }
        }

        synchronized void restart() {
            ScheduledFuture<?> f = future;
            if (f != null) f.cancel(false);
            Thread stuck = running;
            if (stuck != null) stuck.interrupt();
            running = null;
            restarts++;
            schedule(0);
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            ScheduledFuture<?> f = future;
            if (f != null) f.cancel(false);
            pollers.remove(name, this);
        }

        synchronized PollerView view() {
            return new PollerView(name, interval, running != null, runs, restarts);
        }
    }

    public Job every(String name, Duration interval, Runnable task) {
        Poller p = new Poller(name, interval, task);
        Poller before = pollers.put(name, p);
        if (before != null && before != p) {
            LOG.debugf("Poller %s scheduled again; the earlier one is no longer restartable by name", name);
        }
        long periodMs = Math.max(1, interval.toMillis());
        p.schedule(ThreadLocalRandom.current().nextLong(Math.min(periodMs, 1000) + 1));
        return p;
    }

    /** The pollers that run now, by name. */
    public List<PollerView> pollers() {
        return pollers.values().stream()
                .map(Poller::view)
                .sorted(java.util.Comparator.comparing(PollerView::name))
                .toList();
    }

    /** Restarts a poller by name: its schedule anew, with a run at once; empty when no poller has that name. */
    public Optional<PollerView> restart(String name) {
        Poller p = pollers.get(name);
        if (p == null) return Optional.empty();
        p.restart();
        LOG.infof("Poller %s restarted", name);
        return Optional.of(p.view());
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
