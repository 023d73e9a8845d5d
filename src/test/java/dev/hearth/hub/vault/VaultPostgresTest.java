package dev.hearth.hub.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hearth.platform.storage.Database;
import dev.hearth.testing.PostgresServer;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same vault on a real PostgreSQL: the migration, the upsert and the rotation's transaction. */
class VaultPostgresTest {
    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void valuesMakeTheRoundTripAndSurviveARotationOnPostgresql(@TempDir Path dir) {
        Database db = new Database(TestConfig.with(
                dir,
                Map.of(
                        "hearth.storage.kind", "postgresql",
                        "hearth.storage.url", postgres.jdbcUrl(),
                        "hearth.storage.username", postgres.user(),
                        "hearth.storage.password", postgres.password())));
        Vault vault = new Vault(db, KeySource.of(dir, n -> Optional.empty()), Clock.systemUTC());
        vault.put("qbittorrent", "username", "admin", "admin");
        vault.put("qbittorrent", "password", "adminadmin", "admin");
        vault.put("qbittorrent", "password", "changed-password", "admin");
        assertEquals(Map.of("password", "changed-password", "username", "admin"), vault.credentials("qbittorrent"));
        RotationReport report = vault.rotate();
        assertEquals(2, report.entries());
        Vault restarted = new Vault(db, KeySource.of(dir, n -> Optional.empty()), Clock.systemUTC());
        assertEquals(Optional.of("changed-password"), restarted.get("qbittorrent", "password"));
        assertFalse(db.query("SELECT sealed FROM hub_vault", rs -> rs.getString(1)).stream()
                .anyMatch(s -> s.contains("changed-password")));
    }
}
