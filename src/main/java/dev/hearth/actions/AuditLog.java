package dev.hearth.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Who did what, through which door, and how it ended. Secrets in parameters never reach it. */
@Singleton
public class AuditLog {
    public record Entry(long id, Instant at, String actor, String role, String door, String action, String params,
                        String outcome, String message, long durationMs) {}

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void record(Caller caller, String door, String action, JsonNode params, String outcome, String message, long durationMs) {
        db.insert("INSERT INTO audit_log (at, actor, role, door, action, params, outcome, message, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                clock.millis(), caller.label(), caller.role().id(), door, action, params.toString(), outcome,
                message.length() > 500 ? message.substring(0, 500) : message, durationMs);
    }

    public List<Entry> recent(int limit, int offset, Instant since) {
        return db.query("SELECT id, at, actor, role, door, action, params, outcome, message, duration_ms FROM audit_log WHERE at >= ? "
                        + "ORDER BY id DESC LIMIT ? OFFSET ?",
                rs -> new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10)),
                since.toEpochMilli(), limit, offset);
    }

    public long count(Instant since) {
        return db.count("SELECT COUNT(*) FROM audit_log WHERE at >= ?", since.toEpochMilli());
    }
}
