-- Notifications and their outbox. One row per notification (collapsed repeats counted on it), and one
-- delivery row per channel and destination (a Telegram chat), so each destination is paced, retried and
-- marked on its own and a restart resumes exactly what is pending. Times are epoch milliseconds.

CREATE TABLE notifications (
    id ${id},
    level TEXT NOT NULL,
    title TEXT NOT NULL,
    message TEXT NOT NULL,
    source TEXT NOT NULL,
    dedup_key TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    repeats INTEGER NOT NULL DEFAULT 0,
    last_repeat_at BIGINT
);
CREATE INDEX notifications_dedup ON notifications (dedup_key, created_at);

CREATE TABLE notification_deliveries (
    id ${id},
    notification_id BIGINT NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    destination TEXT NOT NULL,
    status TEXT NOT NULL,
    parts_sent INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_sent_at BIGINT,
    delivered_at BIGINT,
    last_error TEXT
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (channel, status, next_attempt_at);
CREATE INDEX notification_deliveries_notification ON notification_deliveries (notification_id);
