package dev.hearth.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventBusTest {
    public record Parcel(String name, long size) implements HearthEvent {}

    static final class Recorder implements EventListener<Parcel> {
        final List<Parcel> seen = new CopyOnWriteArrayList<>();

        @Override
        public Class<Parcel> type() {
            return Parcel.class;
        }

        @Override
        public void on(Parcel event) {
            seen.add(event);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anEventPublishedBeforeACrashIsDeliveredAfterTheRestart(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        Recorder beforeCrash = new Recorder();
        EventBus first = new EventBus(db, JSON, Clock.systemUTC(), List.of(beforeCrash));
        // The dispatcher never ran: the process "crashed" right after the commit.
        first.publish(new Parcel("ubuntu.iso", 42));
        assertEquals(1, first.pending());
        assertTrue(beforeCrash.seen.isEmpty());

        Database reopened = new Database(TestConfig.sqlite(dir));
        Recorder afterRestart = new Recorder();
        EventBus second = new EventBus(reopened, JSON, Clock.systemUTC(), List.of(afterRestart));
        second.start();
        try {
            await(() -> afterRestart.seen.size() == 1, Duration.ofSeconds(5));
            assertEquals(new Parcel("ubuntu.iso", 42), afterRestart.seen.getFirst());
            await(() -> second.pending() == 0, Duration.ofSeconds(5));
        } finally {
            second.stop();
        }
    }

    @Test
    void anEventPublishedInARolledBackTransactionIsNeverDelivered(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        EventBus bus = new EventBus(db, JSON, Clock.systemUTC(), List.of(new Recorder()));
        try {
            db.inTransaction(() -> {
                bus.publish(new Parcel("never", 1));
                throw new java.sql.SQLException("the change failed");
            });
        } catch (RuntimeException expected) {
            // the change and its event go together
        }
        assertEquals(0, bus.pending());
    }

    @Test
    void aFailingListenerIsRetriedWhileTheOthersGetTheEventAtOnce(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        Recorder healthy = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        EventListener<Parcel> flaky = new EventListener<>() {
            @Override
            public Class<Parcel> type() {
                return Parcel.class;
            }

            @Override
            public void on(Parcel event) {
                if (calls.incrementAndGet() == 1) throw new IllegalStateException("disk busy");
            }
        };
        EventBus bus = new EventBus(db, JSON, Clock.systemUTC(), List.of(healthy, flaky));
        bus.start();
        try {
            bus.publish(new Parcel("movie.mkv", 7));
            await(() -> calls.get() >= 2, Duration.ofSeconds(10));
            await(() -> bus.pending() == 0, Duration.ofSeconds(5));
            assertTrue(healthy.seen.size() >= 1, "the healthy listener got it on the first round");
        } finally {
            bus.stop();
        }
    }

    static void await(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("condition not met within " + timeout);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
