package dev.hearth.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who did what, through which door, and how it ended. Secrets in parameters never reach it, and the
 * parameters kept are at most {@link #MAX_PARAMS} characters: long values are cut, and if that is not
 * enough only the parameter names are kept.
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

    private final Database db;
    private final Clock clock;

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
        db.insert(
                "INSERT INTO audit_log (at, actor, role, door, action, params, outcome, message, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                clock.millis(),
                caller.label(),
                caller.role().id(),
                door,
                action,
                capped(params),
                outcome,
                message.length() > 500 ? message.substring(0, 500) : message,
                durationMs);
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
        return db.count("SELECT COUNT(*) FROM audit_log WHERE at >= ?", since.toEpochMilli());
    }

    /** Deletes the entries written before {@code before}; returns how many. */
    public int deleteBefore(Instant before) {
        return db.update("DELETE FROM audit_log WHERE at < ?", before.toEpochMilli());
    }
}
