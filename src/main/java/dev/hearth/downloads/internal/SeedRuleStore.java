package dev.hearth.downloads.internal;

import dev.hearth.downloads.SeedRule;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The auto-delete rules of tasks (table {@code download_seed_rules}), and which of them have fired. */
@Singleton
public class SeedRuleStore {
    /** A task's rule, as the sweep reads it. */
    public record Stored(String taskId, SeedRule rule, String setBy) {}

    private final Database db;

    public SeedRuleStore(Database db) {
        this.db = db;
    }

    public void put(String taskId, SeedRule rule, String setBy, long nowMillis) {
        db.update("DELETE FROM download_seed_rules WHERE task_id = ?", taskId);
        db.update(
                "INSERT INTO download_seed_rules (task_id, ratio_limit, seed_minutes, delete_data, set_by, set_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                taskId,
                rule.ratioLimit(),
                rule.seedMinutes(),
                rule.deleteData(),
                setBy,
                nowMillis);
    }

    public void clear(String taskId) {
        db.update("DELETE FROM download_seed_rules WHERE task_id = ?", taskId);
    }

    public Optional<SeedRule> find(String taskId) {
        return db.queryOne(
                        "SELECT task_id, ratio_limit, seed_minutes, delete_data, set_by FROM download_seed_rules"
                                + " WHERE task_id = ? AND fired_at IS NULL",
                        SeedRuleStore::map,
                        taskId)
                .map(Stored::rule);
    }

    /** The rules that have not fired yet. */
    public List<Stored> pending() {
        return db.query(
                "SELECT task_id, ratio_limit, seed_minutes, delete_data, set_by FROM download_seed_rules"
                        + " WHERE fired_at IS NULL",
                SeedRuleStore::map);
    }

    /** Marks the rule fired; false when another sweep got there first, so a task is removed once. */
    public boolean fire(String taskId, long nowMillis) {
        return db.update(
                        "UPDATE download_seed_rules SET fired_at = ? WHERE task_id = ? AND fired_at IS NULL",
                        nowMillis,
                        taskId)
                == 1;
    }

    private static Stored map(ResultSet rs) throws SQLException {
        double ratio = rs.getDouble("ratio_limit");
        @Nullable Double ratioLimit = rs.wasNull() ? null : ratio;
        long minutes = rs.getLong("seed_minutes");
        @Nullable Long seedMinutes = rs.wasNull() ? null : minutes;
        return new Stored(
                rs.getString("task_id"),
                new SeedRule(ratioLimit, seedMinutes, rs.getBoolean("delete_data")),
                rs.getString("set_by"));
    }
}
