package dev.hearth.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.storage.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Typed events with persisted publication: {@link #publish} writes the event to the outbox in the
 * caller's transaction, and one dispatcher delivers it to every listener and marks it done. What was
 * published before a crash is delivered after the next start. A listener that fails is retried with
 * backoff; the others are not held up for long, and every listener must be idempotent.
 */
@Singleton
public class EventBus {
    private static final Logger LOG = Logger.getLogger(EventBus.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration KEEP_DELIVERED = Duration.ofDays(7);

    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;
    /** Resolved on first delivery, not at construction: listeners may themselves publish through this bus. */
    private final java.util.function.Supplier<List<EventListener<?>>> listenerSource;

    private volatile @org.jspecify.annotations.Nullable List<EventListener<?>> listeners;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile @org.jspecify.annotations.Nullable Thread dispatcher;

    @jakarta.inject.Inject
    public EventBus(Database db, ObjectMapper json, Clock clock, Instance<EventListener<?>> listeners) {
        this(db, json, clock, () -> listeners.stream().toList());
    }

    public EventBus(Database db, ObjectMapper json, Clock clock, List<EventListener<?>> listeners) {
        this(db, json, clock, () -> new ArrayList<>(listeners));
    }

    private EventBus(
            Database db,
            ObjectMapper json,
            Clock clock,
            java.util.function.Supplier<List<EventListener<?>>> listeners) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.listenerSource = listeners;
    }

    private List<EventListener<?>> listeners() {
        List<EventListener<?>> l = listeners;
        if (l == null) {
            l = List.copyOf(listenerSource.get());
            listeners = l;
        }
        return l;
    }

    public void publish(HearthEvent event) {
        try {
            long now = clock.millis();
            db.insert(
                    "INSERT INTO event_outbox (type, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?)",
                    event.getClass().getName(),
                    json.writeValueAsString(event),
                    now,
                    now);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "event " + event.getClass().getSimpleName() + " cannot be stored as JSON", e);
        }
        wake.release();
    }

    void onStart(@Observes StartupEvent ignored) {
        start();
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stop();
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        db.update(
                "DELETE FROM event_outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?",
                clock.millis() - KEEP_DELIVERED.toMillis());
        dispatcher = Thread.ofVirtual().name("event-dispatcher").start(this::dispatchLoop);
    }

    public synchronized void stop() {
        running = false;
        wake.release();
        Thread t = dispatcher;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Events not yet delivered to every listener; the admin view and tests read it. */
    public long pending() {
        return db.count("SELECT COUNT(*) FROM event_outbox WHERE delivered_at IS NULL");
    }

    private void dispatchLoop() {
        while (running) {
            try {
                int delivered = dispatchDue();
                if (delivered == 0) {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Event dispatch failed, retrying: %s", e.getMessage());
                try {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private record Pending(long id, String type, String payload, int attempts) {}

    int dispatchDue() {
        List<Pending> due = db.query(
                "SELECT id, type, payload, attempts FROM event_outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT 100",
                rs -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
                clock.millis());
        for (Pending p : due) {
            if (!running) break;
            deliver(p);
        }
        return due.size();
    }

    private void deliver(Pending p) {
        String error = null;
        try {
            HearthEvent event = (HearthEvent)
                    json.readValue(p.payload(), Class.forName(p.type(), true, EventBus.class.getClassLoader()));
            for (EventListener<?> listener : listeners()) {
                if (listener.type().isInstance(event)) {
                    try {
                        call(listener, event);
                    } catch (Exception e) {
                        error = listener.getClass().getName() + ": " + e.getMessage();
                        LOG.warnf(
                                "Listener %s failed on %s: %s",
                                listener.getClass().getName(), event.getClass().getSimpleName(), e.getMessage());
                    }
                }
            }
        } catch (ClassNotFoundException | com.fasterxml.jackson.core.JsonProcessingException e) {
            error = "unreadable event " + p.type() + ": " + e.getMessage();
            LOG.warn(error);
            db.update(
                    "UPDATE event_outbox SET delivered_at = ?, last_error = ? WHERE id = ?",
                    clock.millis(),
                    error,
                    p.id());
            return;
        }
        long now = clock.millis();
        if (error == null) {
            db.update(
                    "UPDATE event_outbox SET delivered_at = ?, attempts = ? WHERE id = ?",
                    now,
                    p.attempts() + 1,
                    p.id());
        } else if (p.attempts() + 1 >= MAX_ATTEMPTS) {
            LOG.warnf("Giving up on event %d after %d attempts: %s", p.id(), MAX_ATTEMPTS, error);
            db.update(
                    "UPDATE event_outbox SET delivered_at = ?, attempts = ?, last_error = ? WHERE id = ?",
                    now,
                    p.attempts() + 1,
                    error,
                    p.id());
        } else {
            long backoff = Math.min(Duration.ofMinutes(10).toMillis(), 1000L << p.attempts());
            db.update(
                    "UPDATE event_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                    p.attempts() + 1,
                    now + backoff,
                    error,
                    p.id());
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends HearthEvent> void call(EventListener<E> listener, HearthEvent event) throws Exception {
        listener.on((E) event);
    }
}
