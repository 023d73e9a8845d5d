package dev.hearth.admin;

import dev.hearth.platform.security.Caller;
import dev.hearth.platform.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The console's history: what ran, by whom, how it ended; older than the retention is deleted as new entries come. */
final class History {
    static final int MAX_INPUT = 4000;

    private final Database db;
    private final Clock clock;
    private final Duration retention;

    History(Database db, Clock clock, Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
    }

    void record(
            String type, Caller caller, String door, String input, boolean success, String summary, long durationMs) {
        long now = clock.millis();
        db.insert(
                "INSERT INTO admin_history (at, kind, actor, door, input, success, summary, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                now,
                type,
                caller.label(),
                door,
                cap(input),
                success ? 1 : 0,
                cap(summary),
                durationMs);
        long before = now - retention.toMillis();
        db.update("DELETE FROM admin_history WHERE at < ?", before);
        db.update("DELETE FROM admin_jobs WHERE finished_at IS NOT NULL AND finished_at < ?", before);
    }

    List<HistoryEntry> recent(int limit, int offset) {
        long since = clock.millis() - retention.toMillis();
        return db.query(
                "SELECT id, kind, at, actor, door, input, success, summary, duration_ms FROM admin_history WHERE at >= ? "
                        + "ORDER BY id DESC LIMIT ? OFFSET ?",
                rs -> new HistoryEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7) != 0,
                        rs.getString(8),
                        rs.getLong(9)),
                since,
                limit,
                offset);
    }

    long count() {
        return db.count("SELECT COUNT(*) FROM admin_history WHERE at >= ?", clock.millis() - retention.toMillis());
    }

    /** Long text cut to {@link #MAX_INPUT} characters, saying how much was left out. */
    static String cap(String text) {
        if (text.length() <= MAX_INPUT) return text;
        return text.substring(0, MAX_INPUT) + "… [" + (text.length() - MAX_INPUT) + " more characters]";
    }
}
