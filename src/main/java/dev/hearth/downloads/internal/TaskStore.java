package dev.hearth.downloads.internal;

import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.StatusFilter;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.TaskPage;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code download_tasks} table. Every write is a single conditional statement, so the poller, the
 * webhook and the API can race on one task without a read-then-write window.
 */
@Singleton
public class TaskStore {
    static final String COLUMNS =
            "id, client, client_task_id, name, type, status, progress, size, downloaded, download_speed, "
                    + "upload_speed, eta, ratio, seeds, peers, save_path, category, source, added_by, start_time, completed_at, library_path, error";
    private static final String LISTED = "removed_at IS NULL";

    private final Database db;

    public TaskStore(Database db) {
        this.db = db;
    }

    public Optional<Task> find(String id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM download_tasks WHERE id = ? AND " + LISTED, TaskStore::map, id);
    }

    public TaskPage list(
            StatusFilter filter, @Nullable String client, @Nullable String category, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = LISTED + " AND " + condition(filter, params);
        if (client != null) {
            where += " AND client = ?";
            params.add(client);
        }
        if (category != null) {
            where += " AND category = ?";
            params.add(category);
        }
        long total = db.count("SELECT COUNT(*) FROM download_tasks WHERE " + where, params.toArray());
        params.add(limit);
        params.add(offset);
        List<Task> page = db.query(
                "SELECT " + COLUMNS + " FROM download_tasks WHERE " + where
                        + " ORDER BY start_time DESC, id LIMIT ? OFFSET ?",
                TaskStore::map,
                params.toArray());
        return new TaskPage(page, total, limit, offset);
    }

    private static String condition(StatusFilter filter, List<Object> params) {
        return switch (filter) {
            case StatusFilter.Active a -> "completed_at IS NULL AND status <> 'failed'";
            case StatusFilter.Completed c -> "completed_at IS NOT NULL";
            case StatusFilter.Failed f -> "completed_at IS NULL AND status = 'failed'";
            case StatusFilter.All a -> "1 = 1";
            case StatusFilter.Exactly e -> {
                params.add(e.status().id());
                yield "status = ?";
            }
        };
    }

    public long countListed(String client) {
        return db.count("SELECT COUNT(*) FROM download_tasks WHERE client = ? AND " + LISTED, client);
    }

    /** A client's listed tasks whose completion is not recorded yet: the only ones a poll needs to check. */
    public java.util.Set<String> awaitingCompletion(String client) {
        return new java.util.HashSet<>(db.query(
                "SELECT id FROM download_tasks WHERE client = ? AND completed_event_at IS NULL AND " + LISTED,
                rs -> rs.getString(1),
                client));
    }

    /** Ids of listed tasks a client names {@code clientTaskId} (a hash may sit in two clients). */
    public List<String> idsByClientTaskId(String clientTaskId) {
        return db.query(
                "SELECT id FROM download_tasks WHERE client_task_id = ? AND " + LISTED + " ORDER BY start_time",
                rs -> rs.getString(1),
                clientTaskId.toLowerCase(Locale.ROOT));
    }

    /** What the API knows right after a client accepted a download; the next poll fills in the figures. */
    public record Added(
            String client,
            String clientTaskId,
            String name,
            DownloadTask.Type type,
            TaskStatus status,
            String savePath,
            String category,
            String source,
            String addedBy) {}

    /**
     * Records a task added through Hearth. If the poller already found it (and called it external), or it
     * was removed before, the caller takes it over; a task someone else added stays theirs.
     */
    public void recordAdded(Added a, long now) {
        String id = Task.idOf(a.client(), a.clientTaskId());
        int inserted = db.update(
                "INSERT INTO download_tasks (id, client, client_task_id, name, type, status, save_path, category, source, added_by, "
                        + "start_time, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                id,
                a.client(),
                a.clientTaskId(),
                a.name(),
                type(a.type()),
                a.status().id(),
                a.savePath(),
                a.category(),
                a.source(),
                a.addedBy(),
                now,
                now);
        if (inserted == 0) {
            db.update(
                    "UPDATE download_tasks SET added_by = ?, source = ?, category = CASE WHEN category = '' THEN ? ELSE category END, "
                            + "start_time = CASE WHEN removed_at IS NULL THEN start_time ELSE ? END, removed_at = NULL, removal = NULL, updated_at = ? "
                            + "WHERE id = ? AND (added_by = ? OR removed_at IS NOT NULL)",
                    a.addedBy(),
                    a.source(),
                    a.category(),
                    now,
                    now,
                    id,
                    Task.EXTERNAL);
        }
    }

    /**
     * Takes a polled task's figures. A task seen for the first time is someone else's ({@code external});
     * a task that had vanished from the client and is back is listed again (one the user removed is not).
     * Blank names and paths (a magnet without metadata) keep what Hearth knew.
     */
    public void recordPolled(String client, DownloadTask t, long now) {
        String id = Task.idOf(client, t.id());
        int updated = db.update(
                "UPDATE download_tasks SET name = CASE WHEN ? = '' THEN name ELSE ? END, type = ?, status = ?, progress = ?, "
                        + "size = ?, downloaded = ?, download_speed = ?, upload_speed = ?, eta = ?, ratio = ?, seeds = ?, peers = ?, "
                        + "save_path = CASE WHEN ? = '' THEN save_path ELSE ? END, category = CASE WHEN ? = '' THEN category ELSE ? END, error = ?, "
                        + "last_seen_at = ?, updated_at = ?, removed_at = CASE WHEN removal = 'gone' THEN NULL ELSE removed_at END, "
                        + "removal = CASE WHEN removal = 'gone' THEN NULL ELSE removal END WHERE id = ?",
                t.name(),
                t.name(),
                type(t.type()),
                t.status().id(),
                t.progress(),
                t.size(),
                t.downloaded(),
                t.downloadSpeed(),
                t.uploadSpeed(),
                t.eta(),
                t.ratio(),
                t.seeds(),
                t.peers(),
                t.savePath(),
                t.savePath(),
                t.category(),
                t.category(),
                t.error(),
                now,
                now,
                id);
        if (updated == 0) {
            long start = t.addedAt() == null ? now : t.addedAt().toEpochMilli();
            db.update(
                    "INSERT INTO download_tasks (" + COLUMNS.replace(", completed_at, library_path, error", ", error")
                            + ", last_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (id) DO NOTHING",
                    id,
                    client,
                    t.id(),
                    t.name(),
                    type(t.type()),
                    t.status().id(),
                    t.progress(),
                    t.size(),
                    t.downloaded(),
                    t.downloadSpeed(),
                    t.uploadSpeed(),
                    t.eta(),
                    t.ratio(),
                    t.seeds(),
                    t.peers(),
                    t.savePath(),
                    t.category(),
                    "",
                    Task.EXTERNAL,
                    start,
                    t.error(),
                    now,
                    now);
        }
    }

    /**
     * Hides unfinished tasks a client no longer lists (removed in its own UI). Finished ones stay as
     * history. A task added moments ago that no poll has listed yet gets {@code graceStart} to appear.
     */
    public int markGone(String client, long pollStart, long graceStart) {
        return db.update(
                "UPDATE download_tasks SET removed_at = ?, removal = 'gone', download_speed = 0, upload_speed = 0 "
                        + "WHERE client = ? AND removed_at IS NULL AND completed_at IS NULL "
                        + "AND (last_seen_at < ? OR (last_seen_at IS NULL AND start_time < ?))",
                pollStart,
                client,
                pollStart,
                graceStart);
    }

    /**
     * Hides one unfinished task its client listed at the poll before and no longer lists: the poll that writes only
     * the tasks that changed cannot find the vanished ones by an old {@code last_seen_at}, as unchanged rows keep theirs.
     */
    public void markVanished(String id, long now) {
        db.update(
                "UPDATE download_tasks SET removed_at = ?, removal = 'gone', download_speed = 0, upload_speed = 0 "
                        + "WHERE id = ? AND removed_at IS NULL AND completed_at IS NULL",
                now,
                id);
    }

    /** Hides unfinished tasks added through Hearth that no poll has listed within {@code graceStart}. */
    public int markNeverListed(String client, long now, long graceStart) {
        return db.update(
                "UPDATE download_tasks SET removed_at = ?, removal = 'gone', download_speed = 0, upload_speed = 0 "
                        + "WHERE client = ? AND removed_at IS NULL AND completed_at IS NULL AND last_seen_at IS NULL AND start_time < ?",
                now,
                client,
                graceStart);
    }

    public void setStatus(String id, TaskStatus status, long now) {
        db.update(
                "UPDATE download_tasks SET status = ?, download_speed = CASE WHEN ? = 'paused' THEN 0 ELSE download_speed END, "
                        + "upload_speed = CASE WHEN ? = 'paused' THEN 0 ELSE upload_speed END, updated_at = ? WHERE id = ?",
                status.id(),
                status.id(),
                status.id(),
                now,
                id);
    }

    public void markRemoved(String id, long now) {
        db.update(
                "UPDATE download_tasks SET removed_at = ?, removal = 'user', download_speed = 0, upload_speed = 0, updated_at = ? WHERE id = ?",
                now,
                now,
                id);
    }

    /**
     * The exactly-once guard: marks a task completed and answers true only for the one caller that
     * flipped {@code completed_event_at}; run it in the transaction that publishes the event.
     */
    public boolean markCompletedOnce(String id, long completedAt, long now) {
        return db.update(
                        "UPDATE download_tasks SET completed_at = COALESCE(completed_at, ?), completed_event_at = ?, progress = 100, "
                                + "status = CASE WHEN status IN ('seeding', 'completed') THEN status ELSE 'completed' END, "
                                + "downloaded = CASE WHEN size > downloaded THEN size ELSE downloaded END, eta = 0, updated_at = ? "
                                + "WHERE id = ? AND completed_event_at IS NULL AND removed_at IS NULL",
                        completedAt,
                        now,
                        now,
                        id)
                == 1;
    }

    public void setLibraryPath(String id, String path) {
        db.update("UPDATE download_tasks SET library_path = ? WHERE id = ?", path, id);
    }

    static String type(DownloadTask.Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static Task map(ResultSet rs) throws SQLException {
        long completed = rs.getLong("completed_at");
        boolean hasCompleted = !rs.wasNull();
        return new Task(
                rs.getString("id"),
                rs.getString("client"),
                rs.getString("client_task_id"),
                rs.getString("name"),
                DownloadTask.Type.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                TaskStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getDouble("progress"),
                rs.getLong("size"),
                rs.getLong("downloaded"),
                rs.getLong("download_speed"),
                rs.getLong("upload_speed"),
                rs.getLong("eta"),
                rs.getDouble("ratio"),
                rs.getInt("seeds"),
                rs.getInt("peers"),
                rs.getString("save_path"),
                rs.getString("category"),
                rs.getString("source"),
                rs.getString("added_by"),
                Instant.ofEpochMilli(rs.getLong("start_time")),
                hasCompleted ? Instant.ofEpochMilli(completed) : null,
                rs.getString("library_path"),
                rs.getString("error"));
    }
}
