package dev.hearth.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The alert lifecycle: raised → acknowledged → resolved, one open alert per condition key. Every raise
 * and resolve is written together with its {@link AlertRaised} / {@link AlertResolved} event in one
 * transaction, so the notify feature hears of each exactly as stored; the live hub hears after commit.
 */
@Singleton
public class AlertService {
    private static final String SELECT =
            "SELECT id, rule_key, level, state, source, message, details, raised_at, acknowledged_at, "
                    + "acknowledged_by, resolved_at FROM alerts";

    public record Page(List<Alert> alerts, long total, boolean hasMore) {}

    public record Summary(long open, long acknowledged, Map<AlertLevel, Long> byLevel) {}

    private final Database db;
    private final EventBus bus;
    private final LiveHub live;
    private final ObjectMapper json;
    private final Clock clock;
    private final ConfigService config;

    public AlertService(Database db, EventBus bus, LiveHub live, ObjectMapper json, Clock clock, ConfigService config) {
        this.db = db;
        this.bus = bus;
        this.live = live;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Raises the alert of condition {@code key}, or, when it is open already, keeps it: a higher level
     * escalates it (and tells the listeners again), a lower one only lowers it quietly.
     */
    public Alert raise(String key, AlertLevel level, String source, String message, Map<String, Object> details) {
        Alert result = db.inTransaction(() -> {
            Optional<Alert> open = open(key);
            Instant now = clock.instant();
            if (open.isPresent()) {
                Alert a = open.get();
                if (level == a.level()) return a;
                db.update(
                        "UPDATE alerts SET level = ?, message = ?, details = ? WHERE id = ?",
                        level.id(),
                        message,
                        write(details),
                        a.id());
                Alert changed = find(a.id()).orElseThrow();
                if (level.compareTo(a.level()) > 0)
                    bus.publish(new AlertRaised(a.id(), key, level, source, message, details, now, true));
                return changed;
            }
            long id = db.insert(
                    "INSERT INTO alerts (rule_key, level, state, source, message, details, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    key,
                    level.id(),
                    Alert.State.RAISED.id(),
                    source,
                    message,
                    write(details),
                    now.toEpochMilli());
            bus.publish(new AlertRaised(id, key, level, source, message, details, now, false));
            return find(id).orElseThrow();
        });
        live.publish("alerts", null, AlertView.of(result));
        return result;
    }

    /** Resolves the open alert of {@code key}, if there is one. */
    public Optional<Alert> resolve(String key, String by) {
        return open(key).flatMap(a -> resolveById(a.id(), by));
    }

    public Optional<Alert> resolveById(long id, String by) {
        Optional<Alert> resolved = db.inTransaction(() -> {
            Optional<Alert> a = find(id).filter(x -> x.state() != Alert.State.RESOLVED);
            if (a.isEmpty()) return Optional.<Alert>empty();
            Instant now = clock.instant();
            db.update(
                    "UPDATE alerts SET state = ?, resolved_at = ? WHERE id = ?",
                    Alert.State.RESOLVED.id(),
                    now.toEpochMilli(),
                    id);
            Alert x = a.get();
            bus.publish(new AlertResolved(id, x.key(), x.level(), x.source(), x.message(), now, by));
            return find(id);
        });
        resolved.ifPresent(a -> live.publish("alerts", null, AlertView.of(a)));
        return resolved;
    }

    /** Someone has seen it: it stays open until its condition clears, but no longer asks for attention. */
    public Optional<Alert> acknowledge(long id, String by) {
        int changed = db.update(
                "UPDATE alerts SET state = ?, acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND state = ?",
                Alert.State.ACKNOWLEDGED.id(),
                clock.millis(),
                by,
                id,
                Alert.State.RAISED.id());
        Optional<Alert> a = find(id);
        if (changed > 0) a.ifPresent(x -> live.publish("alerts", null, AlertView.of(x)));
        return a;
    }

    public Optional<Alert> find(long id) {
        return db.queryOne(SELECT + " WHERE id = ?", this::row, id);
    }

    public Optional<Alert> open(String key) {
        return db.queryOne(SELECT + " WHERE rule_key = ? AND resolved_at IS NULL ORDER BY id DESC", this::row, key);
    }

    /** Keys of every open alert whose source is in {@code sources}; rule engines resolve the ones they no longer see after a restart. */
    public Set<String> openKeys(Set<String> sources) {
        return Set.copyOf(db
                .query(
                        "SELECT rule_key, source FROM alerts WHERE resolved_at IS NULL",
                        rs -> sources.contains(rs.getString(2)) ? rs.getString(1) : "")
                .stream()
                .filter(k -> !k.isEmpty())
                .toList());
    }

    /** Newest first; {@code level} and {@code state} null for all. */
    public Page list(@Nullable AlertLevel level, Alert.@Nullable State state, Instant since, int limit, int offset) {
        StringBuilder where = new StringBuilder(" WHERE raised_at >= ?");
        List<Object> params = new ArrayList<>(List.of(since.toEpochMilli()));
        if (level != null) {
            where.append(" AND level = ?");
            params.add(level.id());
        }
        if (state != null) {
            where.append(" AND state = ?");
            params.add(state.id());
        }
        long total = db.count("SELECT COUNT(*) FROM alerts" + where, params.toArray());
        List<Object> paged = new ArrayList<>(params);
        paged.add(limit);
        paged.add(offset);
        List<Alert> alerts = db.query(
                SELECT + where + " ORDER BY raised_at DESC, id DESC LIMIT ? OFFSET ?", this::row, paged.toArray());
        return new Page(alerts, total, offset + alerts.size() < total);
    }

    /** Open alerts by level (every level present, zeros included), for badges and the dashboard. */
    public Summary summary() {
        Map<AlertLevel, Long> byLevel = new EnumMap<>(AlertLevel.class);
        for (AlertLevel l : AlertLevel.values()) byLevel.put(l, 0L);
        long[] acknowledged = {0};
        db.query("SELECT level, state, COUNT(*) FROM alerts WHERE resolved_at IS NULL GROUP BY level, state", rs -> {
            AlertLevel l = AlertLevel.parse(rs.getString(1));
            byLevel.merge(l, rs.getLong(3), Long::sum);
            if (Alert.State.ACKNOWLEDGED.id().equals(rs.getString(2))) acknowledged[0] += rs.getLong(3);
            return l;
        });
        long open = byLevel.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(open, acknowledged[0], byLevel);
    }

    /** Deletes resolved alerts older than {@code monitoring.alerts.retention}. */
    public int prune() {
        long cutoff = clock.millis()
                - config.current()
                        .section(MonitoringConfig.class)
                        .alerts()
                        .retention()
                        .toMillis();
        return db.update("DELETE FROM alerts WHERE resolved_at IS NOT NULL AND resolved_at < ?", cutoff);
    }

    private Alert row(ResultSet rs) throws SQLException {
        return new Alert(
                rs.getLong(1),
                rs.getString(2),
                AlertLevel.parse(rs.getString(3)),
                Alert.State.valueOf(rs.getString(4).toUpperCase()),
                rs.getString(5),
                rs.getString(6),
                read(rs.getString(7)),
                Instant.ofEpochMilli(rs.getLong(8)),
                instant(rs, 9),
                rs.getString(10),
                instant(rs, 11));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("alert details must be plain JSON values", e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
