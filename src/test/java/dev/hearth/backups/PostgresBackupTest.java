package dev.hearth.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.backups.internal.BackupMaker;
import dev.hearth.backups.internal.DatabaseSnapshot;
import dev.hearth.backups.internal.PgDumpLoader;
import dev.hearth.backups.internal.RestorePreparer;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.PostgresServer;
import dev.hearth.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Backup and restore on a real PostgreSQL: pg_dump online, and the dump loaded back in one transaction at start. */
class PostgresBackupTest {
    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private String url = "";

    /** Each test its own database on the shared server. */
    ConfigService config(Path data) throws Exception {
        String name = "b" + Long.toHexString(System.nanoTime());
        url = postgres.jdbcUrl();
        try (Connection c = connect();
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        url = postgres.jdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + name);
        return TestConfig.with(
                data,
                Map.of(
                        "hearth.storage.kind",
                        "postgresql",
                        "hearth.storage.url",
                        url,
                        "hearth.storage.username",
                        postgres.user(),
                        "hearth.storage.password",
                        postgres.password()));
    }

    Connection connect() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(postgres.user());
        ds.setPassword(postgres.password());
        return ds.getConnection();
    }

    @Test
    void aRestoreAtStartReplacesTheTablesWithThoseOfTheDump(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        ConfigService config = config(data);
        Database db = new Database(config);
        BackupRoundTripTest.alert(db, "before, with a ; and a 'quote'\nand a second line\tand a tab");
        BackupMaker maker =
                new BackupMaker(db, config.current(), Optional.empty(), BackupRoundTripTest.NO_DOCKER, "test");
        BackupMaker.Made made = maker.make(
                dir.resolve("backups"),
                "pg_20260206_023000.tar.gz",
                "pg",
                "",
                Instant.now(),
                List.of(),
                Duration.ofMinutes(1));
        assertEquals("postgresql", made.manifest().databaseKind());
        assertEquals(DatabaseSnapshot.liveSchemaVersion(db), made.manifest().schemaVersion());
        BackupRoundTripTest.alert(db, "after");
        db.update("CREATE TABLE made_later (id INTEGER)"); // a table the backup never knew goes too

        new RestorePreparer(new RestorePreparer.Context(
                        data,
                        Optional.empty(),
                        "postgresql",
                        DatabaseSnapshot.liveSchemaVersion(db),
                        List.of(),
                        BackupRoundTripTest.NO_DOCKER))
                .prepare(made.file(), "pg", "pg_20260206_023000.tar.gz", "");
        assertEquals(2, BackupRoundTripTest.alerts(db).size(), "nothing changes before the restart");

        RestoreOnStart.Finished finished =
                RestoreOnStart.completePending(config.current()).orElseThrow();
        assertTrue(finished.completed(), finished.line());
        assertEquals(
                List.of("before, with a ; and a 'quote'\nand a second line\tand a tab"),
                BackupRoundTripTest.alerts(db));
        assertEquals(0, db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'made_later'"));
        long id = db.insert(
                "INSERT INTO alerts (rule_key, level, state, source, message, details, raised_at) VALUES ('k', 'info', 'raised', 't', 'next', '{}', 0)");
        assertTrue(id > 1, "the sequences came back with the tables: the next id follows the restored ones");
    }

    @Test
    void aDumpThatFailsHalfwayLeavesTheDatabaseAsItWas(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Database db = new Database(config(data));
        BackupRoundTripTest.alert(db, "still here");
        Path broken = Files.writeString(dir.resolve("broken.sql"), """
                SELECT pg_catalog.set_config('search_path', '', false);
                CREATE TABLE public.half (id integer);
                COPY public.half (id) FROM stdin;
                1
                \\.
                THIS IS NOT SQL;
                """);
        try (Connection c = connect()) {
            assertThrows(Exception.class, () -> PgDumpLoader.replacePublicSchema(c, broken));
        }
        assertEquals(
                List.of("still here"),
                BackupRoundTripTest.alerts(db),
                "the drop of every table was rolled back with the rest");
        assertEquals(0, db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half'"));
    }
}
