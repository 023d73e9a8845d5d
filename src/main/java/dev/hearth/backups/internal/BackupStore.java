package dev.hearth.backups.internal;

import dev.hearth.backups.Backup;
import dev.hearth.platform.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code backups} table. */
public final class BackupStore {
    private static final String COLUMNS =
            "id, name, file_name, description, kind, status, created_at, finished_at, size_bytes, sha256, encrypted, "
                    + "database_kind, schema_version, hearth_version, includes, remote, remote_status, verified_at, verify_result, error, created_by";
    private final Database db;

    public BackupStore(Database db) {
        this.db = db;
    }

    public Database db() {
        return db;
    }

    public long insert(
            String name,
            String fileName,
            String description,
            String kind,
            Instant createdAt,
            boolean encrypted,
            String createdBy) {
        return db.insert(
                "INSERT INTO backups (name, file_name, description, kind, status, created_at, encrypted, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                name,
                fileName,
                description,
                kind,
                Backup.RUNNING,
                createdAt.toEpochMilli(),
                encrypted ? 1 : 0,
                createdBy);
    }

    /** A backup found in the directory but not in the list (after a restore, or copied in by hand). */
    public long insertFound(
            Manifest m, String fileName, String kind, long size, String sha256, boolean encrypted, Instant finishedAt) {
        return db.insert(
                "INSERT INTO backups (name, file_name, description, kind, status, created_at, finished_at, size_bytes, sha256, encrypted, "
                        + "database_kind, schema_version, hearth_version, includes, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.name(),
                fileName,
                m.description(),
                kind,
                Backup.COMPLETED,
                Instant.parse(m.createdAt()).toEpochMilli(),
                finishedAt.toEpochMilli(),
                size,
                sha256,
                encrypted ? 1 : 0,
                m.databaseKind(),
                m.schemaVersion(),
                m.hearthVersion(),
                m.includesJson(),
                "found");
    }

    public void completed(long id, Instant at, long size, String sha256, Manifest m) {
        db.update(
                "UPDATE backups SET status = ?, finished_at = ?, size_bytes = ?, sha256 = ?, database_kind = ?, schema_version = ?, "
                        + "hearth_version = ?, includes = ?, error = '' WHERE id = ?",
                Backup.COMPLETED,
                at.toEpochMilli(),
                size,
                sha256,
                m.databaseKind(),
                m.schemaVersion(),
                m.hearthVersion(),
                m.includesJson(),
                id);
    }

    public void failed(long id, Instant at, String error) {
        db.update(
                "UPDATE backups SET status = ?, finished_at = ?, error = ? WHERE id = ?",
                Backup.FAILED,
                at.toEpochMilli(),
                clip(error),
                id);
    }

    public void remote(long id, String remote, String status, String error) {
        db.update(
                "UPDATE backups SET remote = ?, remote_status = ?, error = ? WHERE id = ?",
                remote,
                status,
                clip(error),
                id);
    }

    public void verified(long id, Instant at, String result) {
        db.update(
                "UPDATE backups SET verified_at = ?, verify_result = ? WHERE id = ?",
                at.toEpochMilli(),
                clip(result),
                id);
    }

    public void delete(long id) {
        db.update("DELETE FROM backups WHERE id = ?", id);
    }

    public List<Backup> list() {
        return db.query("SELECT " + COLUMNS + " FROM backups ORDER BY created_at DESC, id DESC", BackupStore::row);
    }

    public Optional<Backup> find(long id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM backups WHERE id = ?", BackupStore::row, id);
    }

    public Optional<Backup> byFileName(String fileName) {
        return db.queryOne("SELECT " + COLUMNS + " FROM backups WHERE file_name = ?", BackupStore::row, fileName);
    }

    private static String clip(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    private static Backup row(ResultSet rs) throws SQLException {
        long finished = rs.getLong("finished_at");
        boolean noFinish = rs.wasNull();
        long verified = rs.getLong("verified_at");
        boolean noVerify = rs.wasNull();
        return new Backup(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("file_name"),
                rs.getString("description"),
                rs.getString("kind"),
                rs.getString("status"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                noFinish ? null : Instant.ofEpochMilli(finished),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getInt("encrypted") != 0,
                rs.getString("database_kind"),
                rs.getString("schema_version"),
                rs.getString("hearth_version"),
                rs.getString("includes"),
                rs.getString("remote"),
                rs.getString("remote_status"),
                noVerify ? null : Instant.ofEpochMilli(verified),
                rs.getString("verify_result"),
                rs.getString("error"),
                rs.getString("created_by"));
    }
}
