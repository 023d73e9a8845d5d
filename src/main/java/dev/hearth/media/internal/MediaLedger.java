package dev.hearth.media.internal;

import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What media.download started and what the completion pipeline has done for a task (tables of V81). */
@Singleton
public class MediaLedger {
    private final Database db;
    private final Clock clock;

    public MediaLedger(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The title a task was started for. */
    public record Requested(String title, @Nullable Integer year, String kind) {}

    public void recordDownload(String taskId, String title, @Nullable Integer year, String kind, String releaseName) {
        db.update(
                "INSERT INTO media_downloads (task_id, title, year, kind, release_name, added_at) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (task_id) DO NOTHING",
                taskId,
                title,
                year,
                kind,
                releaseName,
                clock.millis());
    }

    public Optional<Requested> requested(String taskId) {
        return db.queryOne(
                "SELECT title, year, kind FROM media_downloads WHERE task_id = ?",
                // getObject, not getInt and wasNull: the pooled SQLite result set does not report a NULL there
                rs -> {
                    Object year = rs.getObject(2);
                    return new Requested(
                            rs.getString(1), year instanceof Number n ? n.intValue() : null, rs.getString(3));
                },
                taskId);
    }

    /** The completion step's state for a task: empty before its library was refreshed. */
    public record Done(String refreshed, boolean notified) {}

    public Optional<Done> done(String taskId) {
        return db.queryOne(
                "SELECT refreshed, notified_at FROM media_completions WHERE task_id = ?",
                rs -> new Done(rs.getString(1), rs.getObject(2) != null),
                taskId);
    }

    public void recordRefreshed(String taskId, String refreshed) {
        db.update(
                "INSERT INTO media_completions (task_id, refreshed, refreshed_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (task_id) DO NOTHING",
                taskId,
                refreshed,
                clock.millis());
    }

    /** True when this call marked it (so the caller's notification is the only one). */
    public boolean markNotified(String taskId) {
        return db.update(
                        "UPDATE media_completions SET notified_at = ? WHERE task_id = ? AND notified_at IS NULL",
                        clock.millis(),
                        taskId)
                == 1;
    }
}
