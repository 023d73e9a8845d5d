package dev.hearth.platform.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.testing.Await;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    @Test
    void aPollerRunsAgainAndAgainAndAFailingRunDoesNotStopIt() {
        Scheduler scheduler = new Scheduler();
        AtomicInteger runs = new AtomicInteger();
        Scheduler.Job job = scheduler.every("flaky", Duration.ofMillis(20), () -> {
            if (runs.incrementAndGet() % 2 == 0) throw new IllegalStateException("upstream down");
        });
        Await.untilTrue(Duration.ofSeconds(5), "five runs", () -> runs.get() >= 5);
        job.cancel();
        scheduler.stop();
    }

    @Test
    void aSlowRunIsNeverStackedWithTheNext() throws Exception {
        Scheduler scheduler = new Scheduler();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Scheduler.Job job = scheduler.every("slow", Duration.ofMillis(10), () -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
        });
        Await.untilTrue(Duration.ofSeconds(5), "the first run", () -> runs.get() == 1);
        Thread.sleep(200); // twenty ticks pass while the first run is stuck
        assertEquals(1, runs.get());
        release.countDown();
        Await.untilTrue(Duration.ofSeconds(5), "later runs", () -> runs.get() >= 3);
        assertEquals(1, maxConcurrent.get());
        job.cancel();
        scheduler.stop();
    }

    @Test
    void aHungPollerIsInterruptedByARestartAndRunsAgainAtOnce() {
        Scheduler scheduler = new Scheduler();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        scheduler.every("hung", Duration.ofHours(1), () -> {
            runs.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        Await.untilTrue(Duration.ofSeconds(5), "the first run", () -> runs.get() == 1);
        assertEquals(true, scheduler.pollers().getFirst().running());
        Scheduler.PollerView v = scheduler.restart("hung").orElseThrow();
        assertEquals(1, v.restarts());
        Await.untilTrue(Duration.ofSeconds(5), "the stuck run was interrupted", () -> interrupted.get() == 1);
        Await.untilTrue(
                Duration.ofSeconds(5), "a new run at once, though the interval is an hour", () -> runs.get() == 2);
        assertEquals(java.util.Optional.empty(), scheduler.restart("nope"));
        never.countDown();
        scheduler.stop();
    }
}
