package dev.hearth.platform.scheduler;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs pollers at fixed intervals, each run on its own virtual thread. A run that is still going when the
 * next is due is skipped rather than stacked, a failing run is logged and the poller keeps its schedule,
 * and the first run starts after a small random delay so twenty pollers do not all fire at once.
 */
@Singleton
public class Scheduler {
    private static final Logger LOG = Logger.getLogger(Scheduler.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hearth-scheduler");
        t.setDaemon(true);
        return t;
    });

    /** A scheduled poller; cancel it when what it polls goes away. */
    public interface Job {
        void cancel();
    }

    public Job every(String name, Duration interval, Runnable task) {
        AtomicBoolean running = new AtomicBoolean();
        long periodMs = Math.max(1, interval.toMillis());
        long firstDelay = ThreadLocalRandom.current().nextLong(Math.min(periodMs, 1000) + 1);
        ScheduledFuture<?> future = timer.scheduleAtFixedRate(
                () -> {
                    if (!running.compareAndSet(false, true)) {
                        LOG.debugf("Poller %s still running; skipping this round", name);
                        return;
                    }
                    Thread.ofVirtual().name("poll-" + name).start(() -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            LOG.warnf("Poller %s failed: %s", name, e.getMessage());
                        } finally {
                            running.set(false);
                        }
                    });
                },
                firstDelay,
                periodMs,
                TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
