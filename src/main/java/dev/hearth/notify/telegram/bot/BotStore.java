package dev.hearth.notify.telegram.bot;

import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** The bot's rows (V82): the getUpdates offset, and which chat a download belongs to. */
@Singleton
public class BotStore {
    private final Database db;
    private final Clock clock;

    public BotStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The next update_id to ask for; 0 (Telegram: "the oldest unconfirmed") the first time. */
    public long offset() {
        return db.queryOne("SELECT value FROM telegram_bot_state WHERE name = 'offset'", rs -> rs.getString(1))
                .map(Long::parseLong)
                .orElse(0L);
    }

    /** Written after an update is handled, so a restart never handles it again. */
    public void offset(long next) {
        db.update(
                "INSERT INTO telegram_bot_state (name, value) VALUES ('offset', ?) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                Long.toString(next));
    }

    public void remember(String taskId, String chatId) {
        db.update(
                "INSERT INTO telegram_bot_tasks (task_id, chat_id, added_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (task_id) DO NOTHING",
                taskId,
                chatId,
                clock.millis());
    }

    /**
     * The chat to tell that {@code taskId} finished, once: the row is claimed by the one update that sets
     * {@code announced_at}, so a repeated completion event (the bus delivers at least once) finds nothing.
     */
    public Optional<String> claimAnnouncement(String taskId) {
        return db.inTransaction(() -> {
            int claimed = db.update(
                    "UPDATE telegram_bot_tasks SET announced_at = ? WHERE task_id = ? AND announced_at IS NULL",
                    clock.millis(),
                    taskId);
            if (claimed == 0) return Optional.<String>empty();
            return db.queryOne(
                    "SELECT chat_id FROM telegram_bot_tasks WHERE task_id = ?", rs -> rs.getString(1), taskId);
        });
    }

    /** The message could not be sent: let the event's retry claim it again. */
    public void unclaim(String taskId) {
        db.update("UPDATE telegram_bot_tasks SET announced_at = NULL WHERE task_id = ?", taskId);
    }

    /** A download a chat started and has not yet heard the end of, by the key it was remembered under. */
    public record Open(String key, String chatId) {}

    /** The newest {@code limit} downloads chats wait on: what the progress messages look at. */
    public java.util.List<Open> open(int limit) {
        return db.query(
                "SELECT task_id, chat_id FROM telegram_bot_tasks WHERE announced_at IS NULL ORDER BY added_at DESC LIMIT ?",
                rs -> new Open(rs.getString(1), rs.getString(2)),
                limit);
    }

    /** The highest progress step (in percent) already told to the chat for {@code key}; 0 when none. */
    public int progressTold(String key) {
        return db.queryOne(
                        "SELECT value FROM telegram_bot_state WHERE name = ?", rs -> rs.getString(1), "progress:" + key)
                .map(Integer::parseInt)
                .orElse(0);
    }

    public void progressTold(String key, int percent) {
        db.update(
                "INSERT INTO telegram_bot_state (name, value) VALUES (?, ?) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                "progress:" + key,
                Integer.toString(percent));
    }

    /** The message that shows {@code key}'s progress in its chat, edited at each step; 0 when none was sent yet. */
    public long progressMessage(String key) {
        return db.queryOne(
                        "SELECT value FROM telegram_bot_state WHERE name = ?",
                        rs -> rs.getString(1),
                        "progress-message:" + key)
                .map(Long::parseLong)
                .orElse(0L);
    }

    public void progressMessage(String key, long messageId) {
        db.update(
                "INSERT INTO telegram_bot_state (name, value) VALUES (?, ?) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                "progress-message:" + key,
                Long.toString(messageId));
    }

    /** Whether a chat waits to hear of {@code key} and has not yet. */
    public boolean owed(String key) {
        return db.count("SELECT COUNT(*) FROM telegram_bot_tasks WHERE task_id = ? AND announced_at IS NULL", key) > 0;
    }

    public long announced(String taskId) {
        return db.count(
                "SELECT COUNT(*) FROM telegram_bot_tasks WHERE task_id = ? AND announced_at IS NOT NULL", taskId);
    }
}
