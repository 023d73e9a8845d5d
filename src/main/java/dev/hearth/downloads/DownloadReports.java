package dev.hearth.downloads;

import dev.hearth.downloads.internal.ClientDirectory;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Figures over the task history (seed MLTB's download stats and per-user stats). Every task counts for
 * the caller that added it — removed and finished ones too — so the history is what is measured, not
 * what the clients still hold. Tasks found on a client ({@code external}) belong to no user.
 */
@Singleton
public class DownloadReports {
    private static final int TOP = 5;
    private static final String USER_COLUMNS = "added_by, COUNT(*), "
            + "SUM(CASE WHEN completed_at IS NOT NULL THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN completed_at IS NULL AND status = 'failed' THEN 1 ELSE 0 END), "
            + "COALESCE(SUM(downloaded), 0), MIN(start_time), MAX(start_time)";

    private final Database db;
    private final ClientDirectory clients;
    private final Clock clock;

    public DownloadReports(Database db, ClientDirectory clients, Clock clock) {
        this.db = db;
        this.clients = clients;
        this.clock = clock;
    }

    public DownloadStatistics statistics() {
        long midnight = LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
        long today = db.count("SELECT COUNT(*) FROM download_tasks WHERE start_time >= ?", midnight);
        long completedToday = db.count("SELECT COUNT(*) FROM download_tasks WHERE completed_at >= ?", midnight);
        long active = db.count(
                "SELECT COUNT(*) FROM download_tasks WHERE removed_at IS NULL AND completed_at IS NULL AND status <> 'failed'");
        long down = 0, up = 0;
        // Bandwidth now is what online clients report; an offline client's last figures are not "now".
        for (String name : clients.names()) {
            if (clients.health(name).status() != Health.Status.ONLINE) continue;
            ClientStats s = clients.stats(name).orElse(null);
            if (s != null) {
                down += s.downloadSpeed();
                up += s.uploadSpeed();
            }
        }
        long average = db.queryOne(
                        "SELECT AVG(size * 1000.0 / (completed_at - start_time)) FROM download_tasks "
                                + "WHERE completed_at IS NOT NULL AND size > 0 AND completed_at > start_time",
                        rs -> Math.round(rs.getDouble(1)))
                .orElse(0L);
        List<DownloadStatistics.TopDownloader> top = db.query(
                "SELECT " + USER_COLUMNS + " FROM download_tasks WHERE added_by <> ? "
                        + "GROUP BY added_by ORDER BY COUNT(*) DESC, COALESCE(SUM(downloaded), 0) DESC, added_by LIMIT ?",
                rs -> new DownloadStatistics.TopDownloader(
                        rs.getString(1), UserStats.usernameOf(rs.getString(1)), rs.getLong(2), rs.getLong(5)),
                Task.EXTERNAL,
                TOP);
        return new DownloadStatistics(today, completedToday, active, down, up, average, top);
    }

    public record UserPage(List<UserStats> users, long total, int limit, int offset) {
        public boolean hasMore() {
            return offset + users.size() < total;
        }
    }

    /** Everyone who added a download through Hearth, most recently active first. */
    public UserPage users(int limit, int offset) {
        long total = db.count("SELECT COUNT(DISTINCT added_by) FROM download_tasks WHERE added_by <> ?", Task.EXTERNAL);
        List<UserStats> page = db.query(
                "SELECT " + USER_COLUMNS + " FROM download_tasks WHERE added_by <> ? GROUP BY added_by "
                        + "ORDER BY MAX(start_time) DESC, added_by LIMIT ? OFFSET ?",
                DownloadReports::user,
                Task.EXTERNAL,
                limit,
                offset);
        return new UserPage(page, total, limit, offset);
    }

    /** One caller's figures, by the label tasks carry ({@code key:ci}, {@code user:admin}); 404 naming some that exist. */
    public UserStats user(String id) {
        return db.queryOne(
                        "SELECT " + USER_COLUMNS + " FROM download_tasks WHERE added_by = ? GROUP BY added_by",
                        DownloadReports::user,
                        id)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND,
                        "User '" + id + "' has added no downloads",
                        Map.of(
                                "user_id",
                                id,
                                "known",
                                db.query(
                                        "SELECT DISTINCT added_by FROM download_tasks WHERE added_by <> ? ORDER BY added_by LIMIT 50",
                                        rs -> rs.getString(1),
                                        Task.EXTERNAL))));
    }

    private static UserStats user(ResultSet rs) throws SQLException {
        String label = rs.getString(1);
        return new UserStats(
                label,
                UserStats.usernameOf(label),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                Instant.ofEpochMilli(rs.getLong(7)));
    }
}
