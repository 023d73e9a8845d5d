package dev.hearth.backups.internal;

import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.storage.Database;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteDataSource;

/**
 * A consistent copy of the live database, taken while Hearth runs. SQLite: {@code VACUUM INTO}, which reads
 * inside one transaction (writers go on beside it, in WAL mode) and writes a compact, self-contained file.
 * PostgreSQL: {@code pg_dump} in plain SQL, which reads inside one repeatable-read snapshot.
 */
public final class DatabaseSnapshot {
    public static final String SQLITE_ENTRY = "database/hearth.db";
    public static final String POSTGRES_ENTRY = "database/hearth.sql";
    private static final String NEWEST_APPLIED =
            "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                    + "ORDER BY installed_rank DESC LIMIT 1";

    /** The copy, the archive entry it goes to, and the schema version it stands at. */
    public record Taken(Path file, String entry, String kind, String schemaVersion) {}

    private DatabaseSnapshot() {}

    public static Taken take(Database db, HearthConfig.Storage storage, Path dir, Duration timeout) throws IOException {
        return db.isPostgresql() ? postgresql(db, storage, dir, timeout) : sqlite(db, dir);
    }

    static Taken sqlite(Database db, Path dir) throws IOException {
        Path file = dir.resolve("hearth.db");
        Files.deleteIfExists(file);
        db.update("VACUUM INTO ?", file.toAbsolutePath().toString());
        return new Taken(file, SQLITE_ENTRY, "sqlite", sqliteSchemaVersion(file));
    }

    /** The newest migration applied in a SQLite file (read from the copy itself, so it matches its tables). */
    public static String sqliteSchemaVersion(Path file) throws IOException {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath() + "?open_mode=1");
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(NEWEST_APPLIED)) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw new IOException("the database copy cannot be read: " + e.getMessage(), e);
        }
    }

    /** The newest migration applied in the live database. */
    public static String liveSchemaVersion(Database db) {
        return db.queryOne(NEWEST_APPLIED, rs -> rs.getString(1)).orElse("");
    }

    static Taken postgresql(Database db, HearthConfig.Storage storage, Path dir, Duration timeout) throws IOException {
        String version = liveSchemaVersion(db); // migrations run only at start, so the dump stands at this one
        Path file = dir.resolve("hearth.sql");
        Path passfile = dir.resolve("pgpass");
        Files.createFile(passfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(
                    passfile,
                    "*:*:*:*:" + storage.password().replace("\\", "\\\\").replace(":", "\\:") + "\n");
            List<String> command = new ArrayList<>(List.of(
                    "pg_dump",
                    "--format=plain",
                    "--no-owner",
                    "--no-privileges",
                    "--schema=public",
                    "--username=" + storage.username(),
                    "--no-password",
                    "--file=" + file,
                    "--dbname=" + libpqUri(storage.url())));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("pg_dump.log").toFile());
            // Only what pg_dump needs: none of Hearth's own environment (it may hold secrets) reaches it.
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("PGPASSFILE", passfile.toString());
            env.put("LC_ALL", "C");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("pg_dump did not finish within " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                String log = Files.readString(dir.resolve("pg_dump.log")).strip();
                throw new IOException("pg_dump failed (exit " + p.exitValue() + "): "
                        + log.lines().reduce((a, b) -> b).orElse(""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pg_dump ran", e);
        } finally {
            Files.deleteIfExists(passfile);
        }
        return new Taken(file, POSTGRES_ENTRY, "postgresql", version);
    }

    /** {@code jdbc:postgresql://host:port/db?sslmode=require} as libpq writes it; JDBC-only parameters are left out. */
    static String libpqUri(String jdbcUrl) throws IOException {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) throw new IOException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
        StringBuilder s = new StringBuilder("postgresql://").append(u.getHost() == null ? "localhost" : u.getHost());
        if (u.getPort() > 0) s.append(':').append(u.getPort());
        s.append(u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath());
        if (u.getRawQuery() != null) {
            for (String kv : u.getRawQuery().split("&")) {
                if (kv.startsWith("sslmode=")) s.append("?").append(kv);
            }
        }
        return s.toString();
    }
}
