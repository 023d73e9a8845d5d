package dev.hearth.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.storage.Database;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Who did what, through which door, and how it ended. Secrets in parameters never reach it, and the
 * parameters kept are at most {@link #MAX_PARAMS} characters: long values are cut, and if that is not
 * enough only the parameter names are kept.
 *
 * <p>Entries are written at once ({@link #record}), or, for reads a viewer may make ({@link #recordSoon}), queued and
 * written by one writer in a transaction per batch, within {@link #FLUSH_EVERY_MS} ms: a proxied GET then costs no
 * database write of its own. Order is kept (an entry written at once writes the queue first), a reader of the log
 * writes the queue first (it sees every call made before it asked), and a clean shutdown writes the queue before the
 * database closes. What a kill -9 can lose is the last {@link #FLUSH_EVERY_MS} ms of reads, never a change.
 */
@Singleton
public class AuditLog {
    public static final int MAX_PARAMS = 4096;
    /** A value longer than this is cut when the parameters would not fit otherwise. */
    static final int MAX_VALUE = 256;

    private static final int MAX_NAME = 64;

    public record Entry(
            long id,
            Instant at,
            String actor,
            String role,
            String door,
            String action,
            String params,
            String outcome,
            String message,
            long durationMs) {}

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final String INSERT =
            "INSERT INTO audit_log (at, actor, role, door, action, params, outcome, message, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final long FLUSH_EVERY_MS = 50;
    /** Past this many queued entries a caller writes them itself: memory stays bounded when the disk is slow. */
    static final int MAX_QUEUED = 4096;

    private final Database db;
    private final Clock clock;
    private final LinkedBlockingDeque<Object[]> queue = new LinkedBlockingDeque<>();
    /** One permit per entry queued for the writer; the writer waits on these, never takes from the queue itself. */
    private final java.util.concurrent.Semaphore pending = new java.util.concurrent.Semaphore(0);
    /** Serialises writing: the queue drained in order, then an entry written at once. */
    private final ReentrantLock writing = new ReentrantLock();

    private volatile @Nullable Thread writer; // set under writing
    private volatile boolean stopped; // set under writing

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void record(
            Caller caller,
            String door,
            String action,
            JsonNode params,
            String outcome,
            String message,
            long durationMs) {
        Object[] row = row(caller, door, action, params, outcome, message, durationMs);
        writing.lock();
        try {
            flushQueued();
            db.insert(INSERT, row);
        } finally {
            writing.unlock();
        }
    }

    /** As {@link #record}, written within {@link #FLUSH_EVERY_MS} ms by the writer (a read's entry, see the class). */
    void recordSoon(
            Caller caller,
            String door,
            String action,
            JsonNode params,
            String outcome,
            String message,
            long durationMs) {
        queue.add(row(caller, door, action, params, outcome, message, durationMs));
        pending.release();
        if (queue.size() > MAX_QUEUED) {
            flush();
            return;
        }
        startWriter();
    }

    private Object[] row(
            Caller caller,
            String door,
            String action,
            JsonNode params,
            String outcome,
            String message,
            long durationMs) {
        return new Object[] {
            clock.millis(),
            caller.label(),
            caller.role().id(),
            door,
            action,
            capped(params),
            outcome,
            message.length() > 500 ? message.substring(0, 500) : message,
            durationMs
        };
    }

    /** Writes what is queued now. */
    public void flush() {
        writing.lock();
        try {
            flushQueued();
        } finally {
            writing.unlock();
        }
    }

    private void flushQueued() {
        if (queue.isEmpty()) return;
        List<Object[]> batch = new ArrayList<>();
        queue.drainTo(batch);
        write(batch);
    }

    /** One transaction for the batch; on failure the batch goes back to the queue's head, in order, and the failure on. */
    private void write(List<Object[]> batch) {
        try {
            db.inTransaction(() -> {
                for (Object[] row : batch) db.insert(INSERT, row);
                return null;
            });
        } catch (RuntimeException e) {
            for (int i = batch.size() - 1; i >= 0; i--) queue.addFirst(batch.get(i));
            throw e;
        }
    }

    private void startWriter() {
        if (writer != null && !stopped) return;
        writing.lock();
        try {
            if (stopped) {
                flushQueued(); // after shutdown began: written at once
            } else if (writer == null) {
                writer = Thread.ofVirtual().name("hearth-audit-writer").start(this::writeLoop);
            }
        } finally {
            writing.unlock();
        }
    }

    private void writeLoop() {
        while (true) {
            try {
                if (!pending.tryAcquire(1, TimeUnit.SECONDS)) {
                    if (stopped) return;
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            boolean interrupted = false;
            try {
                Thread.sleep(FLUSH_EVERY_MS); // let a burst gather into one transaction
            } catch (InterruptedException e) {
                interrupted = true; // shutdown: what is queued is written by the shutdown's own flush
            }
            boolean failed = false;
            writing.lock();
            try {
                // The entries stay in the queue until written under the lock, so an entry written at once in the
                // meantime finds them there and writes them first: the log keeps the order of the calls.
                pending.drainPermits();
                flushQueued();
            } catch (RuntimeException e) {
                // kept, in order, for the next try (or the next reader, change or shutdown); a full queue is written
                // by its callers, who then see the failure as a change would
                LOG.warnf("Audit: %d queued entries not written yet: %s", queue.size(), e.getMessage());
                failed = true;
                pending.release();
            } finally {
                writing.unlock();
            }
            if (failed) interrupted |= !pause();
            if (interrupted || stopped) return;
        }
    }

    /** A second before the writer tries again; false when interrupted (shutdown). */
    private static boolean pause() {
        try {
            Thread.sleep(1_000);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * A clean shutdown writes what is queued while the database is still open (it closes after the shutdown event):
     * the writer is stopped and waited for, and whatever it or a late call left is written here.
     */
    void onShutdown(@Observes ShutdownEvent ignored) {
        Thread w;
        writing.lock();
        try {
            stopped = true;
            w = writer;
        } finally {
            writing.unlock();
        }
        if (w != null) {
            w.interrupt(); // it ends; the flush below writes what is queued
            try {
                w.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.errorf("Audit: %d queued entries could not be written at shutdown: %s", queue.size(), e.getMessage());
        }
    }

    /** The parameters as stored: whole when they fit in {@link #MAX_PARAMS}, else with long values cut, else their names. */
    static String capped(JsonNode params) {
        String whole = params.toString();
        if (whole.length() <= MAX_PARAMS) return whole;
        JsonNode cut = params.deepCopy();
        cutValues(cut);
        String shorter = cut.toString();
        if (shorter.length() <= MAX_PARAMS) return shorter;
        return names(params).toString();
    }

    private static void cutValues(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> fields = new ArrayList<>();
            obj.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                JsonNode v = obj.get(f);
                if (v.isTextual() && v.asText().length() > MAX_VALUE) {
                    obj.put(
                            f,
                            v.asText().substring(0, MAX_VALUE) + "…("
                                    + (v.asText().length() - MAX_VALUE) + " more)");
                } else {
                    cutValues(v);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode v = arr.get(i);
                if (v.isTextual() && v.asText().length() > MAX_VALUE)
                    arr.set(i, v.asText().substring(0, MAX_VALUE) + "…");
                else cutValues(v);
            }
        }
    }

    /** The names of the parameters sent, sorted, cut to fit: what a refused call leaves in the audit. */
    static ArrayNode names(@Nullable JsonNode params) {
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        if (params == null || !params.isObject()) return names;
        List<String> sorted = new ArrayList<>();
        params.fieldNames().forEachRemaining(sorted::add);
        sorted.sort(null);
        int size = 2;
        for (String name : sorted) {
            String kept = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name;
            size += kept.length() + 3;
            if (size > MAX_PARAMS - 16) {
                names.add("…");
                break;
            }
            names.add(kept);
        }
        while (names.size() > 1 && names.toString().length() > MAX_PARAMS)
            names.remove(names.size() - 2); // escapes made it longer
        return names;
    }

    public List<Entry> recent(int limit, int offset, Instant since) {
        flush();
        return db.query(
                "SELECT id, at, actor, role, door, action, params, outcome, message, duration_ms FROM audit_log WHERE at >= ? "
                        + "ORDER BY id DESC LIMIT ? OFFSET ?",
                rs -> new Entry(
                        rs.getLong(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getLong(10)),
                since.toEpochMilli(),
                limit,
                offset);
    }

    public long count(Instant since) {
        flush();
        return db.count("SELECT COUNT(*) FROM audit_log WHERE at >= ?", since.toEpochMilli());
    }

    /** Deletes the entries written before {@code before}; returns how many. */
    public int deleteBefore(Instant before) {
        flush();
        return db.update("DELETE FROM audit_log WHERE at < ?", before.toEpochMilli());
    }
}
