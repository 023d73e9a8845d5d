package dev.hearth.system;

import dev.hearth.platform.scheduler.Scheduler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Gives the heap back to the system once Hearth has gone quiet. The serial collector (the launcher's) grows the
 * heap under load — a list of 1,000 tasks asked a hundred times a second takes it to its maximum — and shrinks it
 * only in a full collection, which an idle process never has: the memory a burst took stayed resident until the
 * next restart (docs/benchmarks.md, "Memory budget"). So when no collection at all ran for {@link #QUIET} and the
 * heap has grown since the last such collection left it (since the start, the first time), one full collection is
 * asked for; the launcher's {@code -XX:MaxHeapFreeRatio} then decides how much is returned. A heap that did not grow
 * is left alone, so an idle Hearth is not collected over and over. This is what G1's {@code G1PeriodicGCInterval} does,
 * for the collector that keeps the resident set of a small box smallest.
 */
@Singleton
public class IdleHeap {
    private static final Logger LOG = Logger.getLogger(IdleHeap.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    /** No collection in this long: nothing allocates an eden's worth, the load is over. */
    static final Duration QUIET = Duration.ofSeconds(10);
    /** Growth below this is left alone: a full collection is not worth less. */
    static final long WORTH_RETURNING = 16L * 1024 * 1024;
    /** Full collections in a row after which the serial collector has given back all it would. */
    static final int SHRINK_STEPS = 4;

    private final Scheduler scheduler;
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private Scheduler.@Nullable Job job;
    private long collectionsSeen = -1;
    private long quietSince;
    private long committedAfterTrim;

    public IdleHeap(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent ignored) {
        job = scheduler.every("idle-heap", CHECK_EVERY, this::check);
    }

    void stop(@Observes ShutdownEvent ignored) {
        Scheduler.Job j = job;
        if (j != null) j.cancel();
    }

    synchronized void check() {
        long collections = collections();
        long now = System.nanoTime();
        if (collections != collectionsSeen) {
            collectionsSeen = collections;
            quietSince = now;
            return;
        }
        if (now - quietSince < QUIET.toNanos()) return;
        long before = committed();
        if (before < committedAfterTrim + WORTH_RETURNING) return;
        // The serial collector shrinks in steps (ShrinkHeapInSteps): 0% of the excess at the first full collection,
        // 10%, 40%, then all of it at the fourth in a row. One collection returned nothing: after a list load the heap
        // stayed at 163 MB committed for 15 MB live (docs/benchmarks.md, "Memory at scale"). The later ones collect a
        // heap that is mostly free, a fraction of the first's pause.
        for (int i = 0; i < SHRINK_STEPS; i++) System.gc();
        collectionsSeen = collections();
        committedAfterTrim = committed();
        LOG.debugf(
                "Quiet for %d s: heap committed %d MB before a full collection, %d MB after",
                QUIET.toSeconds(), before >> 20, committedAfterTrim >> 20);
    }

    private static long committed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    private long collections() {
        long n = 0;
        for (GarbageCollectorMXBean c : collectors) n += Math.max(0, c.getCollectionCount());
        return n;
    }
}
