package dev.hearth.notify.internal;

import dev.hearth.notify.Delivery;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.platform.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The notification tables: what to send, what was sent, what failed. Plain SQL on the one database. */
public final class Outbox {
    private static final String DELIVERY_COLUMNS =
            "d.id, d.notification_id, d.channel, d.destination, d.status, n.level, n.title, n.source, "
                    + "n.repeats, d.attempts, d.parts_sent, d.created_at, d.next_attempt_at, d.delivered_at, d.last_error";

    private final Database db;

    public Outbox(Database db) {
        this.db = db;
    }

    public Database db() {
        return db;
    }

    /** The newest notification with this key and level created since {@code since}, to collapse a repeat into. */
    public Optional<Long> recent(String dedupKey, Level level, long since) {
        return db.queryOne(
                "SELECT id FROM notifications WHERE dedup_key = ? AND level = ? AND created_at >= ? ORDER BY id DESC LIMIT 1",
                rs -> rs.getLong(1),
                dedupKey,
                level.id(),
                since);
    }

    public void countRepeat(long id, long now) {
        db.update("UPDATE notifications SET repeats = repeats + 1, last_repeat_at = ? WHERE id = ?", now, id);
    }

    public long add(Notification n, long now) {
        return db.insert(
                "INSERT INTO notifications (level, title, message, source, dedup_key, occurred_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                n.level().id(),
                n.title(),
                n.message(),
                n.source(),
                n.dedupKey(),
                n.time().toEpochMilli(),
                now);
    }

    public long addDelivery(long notificationId, String channel, String destination, long now, long notBefore) {
        return db.insert(
                "INSERT INTO notification_deliveries (notification_id, channel, destination, status, created_at, next_attempt_at) "
                        + "VALUES (?, ?, ?, 'pending', ?, ?)",
                notificationId,
                channel,
                destination,
                now,
                notBefore);
    }

    /** A pending delivery with what is needed to send it. */
    public record Due(long id, String destination, int partsSent, int attempts, Notification notification) {}

    /**
     * The oldest delivery of each destination of {@code channel} that may go now, oldest first. One per
     * destination, so a backlog for one chat never hides another chat's message from the sender.
     */
    public List<Due> due(String channel, long now, int limit) {
        return db.query(
                "SELECT d.id, d.destination, d.parts_sent, d.attempts, n.level, n.title, n.message, n.source, n.dedup_key, n.occurred_at "
                        + "FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id "
                        + "WHERE d.id IN (SELECT MIN(id) FROM notification_deliveries WHERE channel = ? AND status = 'pending' "
                        + "AND next_attempt_at <= ? GROUP BY destination) ORDER BY d.id LIMIT ?",
                rs -> new Due(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        new Notification(
                                Level.find(rs.getString(5)).orElse(Level.INFO),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                Instant.ofEpochMilli(rs.getLong(10)))),
                channel,
                now,
                limit);
    }

    /** When the next pending delivery of {@code channel} becomes due, if any is pending. */
    public Optional<Long> nextDue(String channel) {
        long v = db.count(
                "SELECT COALESCE(MIN(next_attempt_at), -1) FROM notification_deliveries WHERE channel = ? AND status = 'pending'",
                channel);
        return v < 0 ? Optional.empty() : Optional.of(v);
    }

    /** Last send time per destination since {@code since}, to restore a channel's pace after a restart. */
    public Map<String, List<Long>> recentSends(String channel, long since) {
        return db
                .query(
                        "SELECT destination, last_sent_at FROM notification_deliveries WHERE channel = ? AND last_sent_at >= ? ORDER BY last_sent_at",
                        rs -> Map.entry(rs.getString(1), rs.getLong(2)),
                        channel,
                        since)
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public void partSent(long id, int partsSent, long at, boolean done) {
        if (done) {
            db.update(
                    "UPDATE notification_deliveries SET parts_sent = ?, last_sent_at = ?, status = 'delivered', delivered_at = ?, last_error = NULL WHERE id = ?",
                    partsSent,
                    at,
                    at,
                    id);
        } else {
            db.update(
                    "UPDATE notification_deliveries SET parts_sent = ?, last_sent_at = ? WHERE id = ?",
                    partsSent,
                    at,
                    id);
        }
    }

    public void retryAt(long id, int attempts, long at, long nextAttempt, String error) {
        db.update(
                "UPDATE notification_deliveries SET attempts = ?, last_sent_at = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                attempts,
                at,
                nextAttempt,
                error,
                id);
    }

    public void failed(long id, int attempts, long at, String error) {
        db.update(
                "UPDATE notification_deliveries SET attempts = ?, last_sent_at = ?, status = 'failed', last_error = ? WHERE id = ?",
                attempts,
                at,
                error,
                id);
    }

    public void forgetDeliveredBefore(long before) {
        db.update(
                "DELETE FROM notifications WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM notification_deliveries d "
                        + "WHERE d.notification_id = notifications.id AND d.status = 'pending')",
                before);
    }

    public List<Delivery> deliveriesOf(long notificationId) {
        return db.query(
                "SELECT " + DELIVERY_COLUMNS
                        + " FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id "
                        + "WHERE d.notification_id = ? ORDER BY d.id",
                Outbox::delivery,
                notificationId);
    }

    /** Deliveries with one of {@code statuses}, newest first. */
    public List<Delivery> list(List<Delivery.Status> statuses, int limit, int offset) {
        return db.query(
                "SELECT " + DELIVERY_COLUMNS
                        + " FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id "
                        + "WHERE d.status IN (" + placeholders(statuses.size())
                        + ") ORDER BY d.id DESC LIMIT ? OFFSET ?",
                Outbox::delivery,
                params(statuses, limit, offset));
    }

    public long count(List<Delivery.Status> statuses) {
        return db.count(
                "SELECT COUNT(*) FROM notification_deliveries WHERE status IN (" + placeholders(statuses.size()) + ")",
                statuses.stream().map(Delivery.Status::id).toArray());
    }

    public long pending(String channel) {
        return db.count(
                "SELECT COUNT(*) FROM notification_deliveries WHERE channel = ? AND status = 'pending'", channel);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Object[] params(List<Delivery.Status> statuses, int limit, int offset) {
        Object[] p = new Object[statuses.size() + 2];
        for (int i = 0; i < statuses.size(); i++) p[i] = statuses.get(i).id();
        p[statuses.size()] = limit;
        p[statuses.size() + 1] = offset;
        return p;
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                Delivery.Status.valueOf(rs.getString(5).toUpperCase(java.util.Locale.ROOT)),
                Level.find(rs.getString(6)).orElse(Level.INFO),
                rs.getString(7),
                rs.getString(8),
                rs.getInt(9),
                rs.getInt(10),
                rs.getInt(11),
                Instant.ofEpochMilli(rs.getLong(12)),
                Instant.ofEpochMilli(rs.getLong(13)),
                instant(rs, 14),
                rs.getString(15));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Duration backoff(int attempts) {
        // 2 s, 4 s, 8 s … capped at 10 minutes: a flapping upstream is retried soon, a dead one is not hammered.
        return Duration.ofMillis(Math.min(Duration.ofMinutes(10).toMillis(), 2000L << Math.min(attempts - 1, 20)));
    }
}
