package dev.hearth.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.ApiKeyService;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.Tokens;
import dev.hearth.testing.PostgresServer;
import dev.hearth.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** The same migrations and the same code on SQLite (the default) and on a real PostgreSQL server. */
class DatabaseTest {
    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private Database postgresDatabase(Path dataDir) {
        return new Database(TestConfig.with(
                dataDir,
                Map.of(
                        "hearth.storage.kind", "postgresql",
                        "hearth.storage.url", postgres.jdbcUrl(),
                        "hearth.storage.username", postgres.user(),
                        "hearth.storage.password", postgres.password())));
    }

    @Test
    void sqliteIsTheDefaultAndLivesInTheDataDirInWalMode(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        assertEquals("sqlite", db.kind());
        assertTrue(Files.exists(dir.resolve("hearth.db")));
        assertEquals(
                "wal", db.queryOne("PRAGMA journal_mode", rs -> rs.getString(1)).orElseThrow());
        assertTrue(db.isReady());
    }

    @Test
    void aDatabaseThatCannotOpenIsNotReadyAndItsFirstQuerySaysWhy(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
        Database db = new Database(TestConfig.sqlite(notADirectory.resolve("data")));
        StorageException e = assertThrows(StorageException.class, () -> db.count("SELECT COUNT(*) FROM users"));
        assertTrue(
                e.getMessage().startsWith("the database could not be opened: cannot create data dir"), e.getMessage());
        assertFalse(db.isReady());
    }

    @Test
    void postgresqlRunsTheSameMigrationsAndAnApiKeyMakesTheRoundTrip(@TempDir Path dir) {
        Database db = postgresDatabase(dir);
        assertTrue(db.isPostgresql());
        List<String> tables = db.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
                rs -> rs.getString(1));
        assertTrue(
                tables.containsAll(List.of("api_keys", "audit_log", "event_outbox", "sessions", "users")),
                tables.toString());

        ApiKeyService keys = new ApiKeyService(db, new Tokens(), Clock.systemUTC());
        ApiKeyService.NewKey created = keys.create("pg-round-trip", Role.OPERATOR, null, "test");
        ApiKeyService reloaded = new ApiKeyService(db, new Tokens(), Clock.systemUTC());
        ApiKeyService.ApiKey found = reloaded.verify(created.secret()).orElseThrow();
        assertEquals("pg-round-trip", found.name());
        assertEquals(Role.OPERATOR, found.role());
        assertEquals(created.key().id(), found.id());
    }

    @Test
    void aDatabaseOfAnOlderHearthIsBroughtUpToDateAtStart(@TempDir Path dir) {
        SQLiteDataSource file = new SQLiteDataSource();
        file.setUrl("jdbc:sqlite:" + dir.resolve("hearth.db"));
        Database.flyway(file, false).target("1").load().migrate();
        assertFalse(Database.atNewestMigration(file), "only the first migration applied");

        Database db = new Database(TestConfig.sqlite(dir));
        assertEquals(0, db.count("SELECT COUNT(*) FROM notifications"), "the newest migration's tables exist now");
        assertTrue(Database.atNewestMigration(file));
        assertEquals(0, db.count("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"));
    }

    @Test
    void anEmptyDatabaseIsNotTakenForAMigratedOne(@TempDir Path dir) {
        SQLiteDataSource file = new SQLiteDataSource();
        file.setUrl("jdbc:sqlite:" + dir.resolve("empty.db"));
        assertFalse(Database.atNewestMigration(file));
    }

    @Test
    void theSchemaCheckReadsPostgresqlToo(@TempDir Path dir) {
        postgresDatabase(dir).count("SELECT COUNT(*) FROM users"); // opened and migrated
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(postgres.jdbcUrl());
        pg.setUser(postgres.user());
        pg.setPassword(postgres.password());
        assertTrue(Database.atNewestMigration(pg));
    }

    @Test
    void theNewestMigrationIsTheNewestScript() throws Exception {
        try (var scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = scripts.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max()
                    .orElseThrow();
            assertEquals(
                    String.valueOf(newest),
                    Database.NEWEST_MIGRATION,
                    "Database.NEWEST_MIGRATION must name the newest script");
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehindOnBothDatabases(@TempDir Path dir) {
        for (Database db :
                List.of(new Database(TestConfig.sqlite(dir.resolve("sqlite"))), postgresDatabase(dir.resolve("pg")))) {
            long before = db.count("SELECT COUNT(*) FROM users");
            assertThrows(
                    IllegalStateException.class,
                    () -> db.inTransaction(() -> {
                        db.insert(
                                "INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                                "tx-" + db.kind(),
                                "x",
                                "viewer",
                                1L);
                        throw new IllegalStateException("boom");
                    }));
            assertEquals(before, db.count("SELECT COUNT(*) FROM users"), db.kind());
        }
    }
}
