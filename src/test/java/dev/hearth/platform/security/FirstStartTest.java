package dev.hearth.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstStartTest {
    private record Parts(Database db, ApiKeyService keys, UserService users, FirstStart firstStart) {}

    private static Parts boot(ConfigService config) {
        Database db = new Database(config);
        Tokens tokens = new Tokens();
        ApiKeyService keys = new ApiKeyService(db, tokens, Clock.systemUTC());
        UserService users = new UserService(db, tokens, Clock.systemUTC());
        return new Parts(db, keys, users, new FirstStart(keys, users, config, tokens, db));
    }

    private static String value(List<String> lines, String label) {
        return lines.stream()
                .filter(l -> l.startsWith(label))
                .findFirst()
                .orElseThrow()
                .substring(label.length())
                .trim();
    }

    @Test
    void theFirstStartCreatesAnAdminKeyAndPasswordInAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        Parts p = boot(TestConfig.sqlite(dir));
        p.firstStart().run();
        Path file = dir.resolve(FirstStart.CREDENTIALS_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file);
        String key = value(lines, "Admin API key:");
        String password = value(lines, "Browser login:").replace("admin / ", "");
        assertEquals(Role.ADMIN, p.keys().verify(key).orElseThrow().role());
        assertEquals(
                Role.ADMIN,
                p.users().authenticate("admin", password).orElseThrow().role());
        assertTrue(
                p.keys().list().stream().noneMatch(k -> k.prefix().length() > 8),
                "only a prefix of the key is kept in clear");
    }

    @Test
    void aDatabaseThatLostItsUsersGetsANewAdminPasswordThatWorks(@TempDir Path dir) throws Exception {
        Parts first = boot(TestConfig.sqlite(dir));
        assertTrue(first.db().startsEmpty(), "no database file yet: a first start");
        first.firstStart().run();
        first.db().update("DELETE FROM users");
        Parts again = boot(TestConfig.sqlite(dir));
        assertFalse(again.db().startsEmpty(), "the file exists now");
        again.firstStart().run();
        String password = value(Files.readAllLines(dir.resolve(FirstStart.CREDENTIALS_FILE)), "Browser login:")
                .replace("admin / ", "");
        assertEquals(
                Role.ADMIN,
                again.users().authenticate("admin", password).orElseThrow().role());
    }

    @Test
    void aSecondStartCreatesNothingNew(@TempDir Path dir) throws Exception {
        boot(TestConfig.sqlite(dir)).firstStart().run();
        String before = Files.readString(dir.resolve(FirstStart.CREDENTIALS_FILE));
        Parts again = boot(TestConfig.sqlite(dir));
        again.firstStart().run();
        assertEquals(1, again.keys().list().size());
        assertEquals(before, Files.readString(dir.resolve(FirstStart.CREDENTIALS_FILE)));
    }

    @Test
    void theAdminKeyFromTheEnvironmentIsTakenAndNeverWrittenDown(@TempDir Path dir) throws Exception {
        String chosen = "hth_my_own_admin_key_of_enough_length";
        Parts p = boot(new ConfigService(TestConfig.environment(
                Map.of("hearth.data_dir", dir.toString()), Map.of("HEARTH_ADMIN_API_KEY", chosen))));
        p.firstStart().run();
        assertEquals(Role.ADMIN, p.keys().verify(chosen).orElseThrow().role());
        String file = Files.readString(dir.resolve(FirstStart.CREDENTIALS_FILE));
        assertFalse(file.contains(chosen));
        assertTrue(file.contains("Browser login:  admin / "));
    }

    @Test
    void aRevokedAdminKeyFromTheEnvironmentStaysRevokedAndTheNextStartSucceeds(@TempDir Path dir) {
        String chosen = "hth_my_own_admin_key_of_enough_length";
        ConfigService config = new ConfigService(TestConfig.environment(
                Map.of("hearth.data_dir", dir.toString()), Map.of("HEARTH_ADMIN_API_KEY", chosen)));
        Parts first = boot(config);
        first.firstStart().run();
        first.keys().revoke(first.keys().verify(chosen).orElseThrow().id());
        Parts again = boot(config);
        again.firstStart().run();
        assertTrue(again.keys().verify(chosen).isEmpty(), "a restart does not bring a revoked key back");
        assertTrue(again.users().authenticate("admin", "x").isEmpty());
    }
}
