package dev.hearth.monitoring.history;

import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MonitoringConfig;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Metrics history in bounded rollups, in the main database. Each sample is a raw row; when a minute
 * closes, its raw rows are averaged into one minute row, and when an hour closes its minute rows into an
 * hour row. Every tier is pruned at its own retention, so the table's size is bounded by the config
 * (about 35k raw + 20k minute + 18k hour rows with the defaults), never by uptime.
 */
@Singleton
public class HistoryStore {
    private static final String COLUMNS =
            "cpu_usage, cpu_max, temperature, load1, memory_usage, memory_total, memory_used, swap_usage, "
                    + "disk_usage, disk_total, disk_used, disk_free, net_rx_rate, net_tx_rate, net_rx_total, net_tx_total";
    /** Sample-weighted averages, so a bucket that straddles two tiers still averages right. */
    private static final String AGGREGATES =
            "SUM(samples), SUM(cpu_usage * samples) / SUM(samples), MAX(cpu_max), AVG(temperature), "
                    + "SUM(load1 * samples) / SUM(samples), SUM(memory_usage * samples) / SUM(samples), MAX(memory_total), "
                    + "CAST(SUM(memory_used * samples) / SUM(samples) AS BIGINT), SUM(swap_usage * samples) / SUM(samples), "
                    + "SUM(disk_usage * samples) / SUM(samples), MAX(disk_total), CAST(SUM(disk_used * samples) / SUM(samples) AS BIGINT), "
                    + "CAST(SUM(disk_free * samples) / SUM(samples) AS BIGINT), SUM(net_rx_rate * samples) / SUM(samples), "
                    + "SUM(net_tx_rate * samples) / SUM(samples), MAX(net_rx_total), MAX(net_tx_total)";

    public static final int MAX_POINTS = 10_000;

    private final Database db;
    private final ConfigService config;
    private final Clock clock;
    private long lastMinute = -1;
    private long lastHour = -1;

    public HistoryStore(Database db, ConfigService config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    /** Stores one sample, and closes the minute and hour it ended. */
    public synchronized void record(HostSnapshot s, HostSnapshot.Disk primary) {
        long at = s.at().toEpochMilli();
        double temperature =
                s.cpu().temperature() == null ? Double.NaN : s.cpu().temperature();
        db.update(
                "INSERT INTO metric_samples (tier, at, samples, " + COLUMNS
                        + ") VALUES (0, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (tier, at) DO NOTHING",
                at,
                s.cpu().usage(),
                s.cpu().usage(),
                Double.isNaN(temperature) ? null : temperature,
                s.cpu().load1(),
                s.memory().usage(),
                s.memory().total(),
                s.memory().used(),
                s.memory().swapUsage(),
                primary.usage(),
                primary.total(),
                primary.used(),
                primary.free(),
                s.network().rxRate(),
                s.network().txRate(),
                s.network().rxTotal(),
                s.network().txTotal());
        rollUp(at);
    }

    /** Inserts rows as they are, for imports and benchmarks that build a long history quickly. */
    public void insertRow(int tier, HistoryPoint p) {
        db.update(
                "INSERT INTO metric_samples (tier, at, samples, " + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (tier, at) DO NOTHING",
                tier,
                p.at().toEpochMilli(),
                p.samples(),
                p.cpuUsage(),
                p.cpuMax(),
                p.temperature(),
                p.load1(),
                p.memoryUsage(),
                p.memoryTotal(),
                p.memoryUsed(),
                p.swapUsage(),
                p.diskUsage(),
                p.diskTotal(),
                p.diskUsed(),
                p.diskFree(),
                p.rxRate(),
                p.txRate(),
                p.rxTotal(),
                p.txTotal());
    }

    /** Rolls closed minutes and hours up, at most once per boundary; idempotent, so a restart repeats nothing. */
    void rollUp(long at) {
        long minute = floor(at, 60_000);
        if (minute != lastMinute) {
            rollInto(Tier.MINUTE, Tier.RAW, 60_000, minute);
            prune(); // each minute: two indexed deletes, and raw rows never outlive their retention by more than a
            // minute
            lastMinute = minute;
        }
        long hour = floor(at, 3_600_000);
        if (hour != lastHour) {
            rollInto(Tier.HOUR, Tier.MINUTE, 3_600_000, hour);
            lastHour = hour;
        }
    }

    /** Every closed bucket of {@code from} after the newest {@code to} row becomes one {@code to} row. */
    private void rollInto(Tier to, Tier from, long width, long openBucket) {
        long after = db.queryOne(
                        "SELECT MAX(at) FROM metric_samples WHERE tier = ?",
                        rs -> rs.getObject(1) == null ? -1L : rs.getLong(1),
                        to.id)
                .orElse(-1L);
        long startAt = after < 0 ? 0 : after + width;
        if (startAt >= openBucket) return;
        // the width is written into the SQL, not bound: PostgreSQL only matches GROUP BY to the select list textually
        db.update(
                "INSERT INTO metric_samples (tier, at, samples, " + COLUMNS + ") SELECT ?, (at / " + width + ") * "
                        + width + ", " + AGGREGATES
                        + " FROM metric_samples WHERE tier = ? AND at >= ? AND at < ? GROUP BY (at / " + width
                        + ") ON CONFLICT (tier, at) DO NOTHING",
                to.id,
                from.id,
                startAt,
                openBucket);
    }

    /** Deletes what each tier keeps no longer. */
    public void prune() {
        MonitoringConfig.History h =
                config.current().section(MonitoringConfig.class).history();
        long now = clock.millis();
        for (Tier t : Tier.values()) {
            db.update(
                    "DELETE FROM metric_samples WHERE tier = ? AND at < ?",
                    t.id,
                    now - t.retention(h).toMillis());
        }
    }

    public long rows() {
        return db.count("SELECT COUNT(*) FROM metric_samples");
    }

    /**
     * Points from {@code start} to {@code end}, one per {@code resolution} bucket aligned to the epoch
     * (so 5m points fall on :00, :05, ...). Each stretch of time is read from the finest tier that still
     * holds it; buckets without data are absent rather than zero.
     */
    public List<HistoryPoint> query(Instant start, Instant end, Duration resolution) {
        long res = resolution.toMillis();
        MonitoringConfig m = config.current().section(MonitoringConfig.class);
        long now = clock.millis();
        // every tier takes part: the finest one that still holds a stretch answers for it, so a 5m query over 30 days
        // gets 5m points for the last 14 days and hourly points (on the same 5m grid) before that, not nothing
        List<Tier> usable = List.of(Tier.values());
        // finest first: each tier covers from its horizon to where the finer one took over
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        long upper = end.toEpochMilli() + 1;
        for (int i = 0; i < usable.size(); i++) {
            Tier t = usable.get(i);
            boolean coarsest = i == usable.size() - 1;
            long lower = coarsest
                    ? start.toEpochMilli()
                    : Math.max(
                            start.toEpochMilli(), now - t.retention(m.history()).toMillis());
            if (lower >= upper) continue;
            if (!where.isEmpty()) where.append(" OR ");
            where.append("(tier = ? AND at >= ? AND at < ?)");
            params.addAll(List.of(t.id, lower, upper));
            upper = lower;
        }
        if (where.isEmpty()) return List.of();
        return db.query(
                "SELECT (at / " + res + ") * " + res + ", " + AGGREGATES + " FROM metric_samples WHERE " + where
                        + " GROUP BY (at / " + res + ") ORDER BY 1",
                HistoryStore::point,
                params.toArray());
    }

    private static HistoryPoint point(ResultSet rs) throws SQLException {
        Object temp = rs.getObject(5);
        return new HistoryPoint(
                Instant.ofEpochMilli(rs.getLong(1)),
                rs.getInt(2),
                rs.getDouble(3),
                rs.getDouble(4),
                temp == null ? null : ((Number) temp).doubleValue(),
                rs.getDouble(6),
                rs.getDouble(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getDouble(10),
                rs.getDouble(11),
                rs.getLong(12),
                rs.getLong(13),
                rs.getLong(14),
                rs.getDouble(15),
                rs.getDouble(16),
                rs.getLong(17),
                rs.getLong(18));
    }

    private static long floor(long v, long width) {
        return Math.floorDiv(v, width) * width;
    }
}
