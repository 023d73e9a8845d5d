package dev.hearth.hub.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.hub.LogCapture;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestClock;
import dev.hearth.testing.TestConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials sealed at rest, opened only with their key, rotated without loss, and never shown. */
class VaultTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String API_KEY = "9f86d081884c7d659a2feaa0c55ad015";
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final TestClock clock = new TestClock(T0);

    private static Vault fileVault(Database db, Path dir, TestClock clock) {
        return new Vault(db, KeySource.of(dir, name -> Optional.empty()), clock);
    }

    private static Vault envVault(Database db, Path dir, MasterKey key, TestClock clock) {
        return new Vault(
                db,
                KeySource.of(
                        dir, name -> name.equals("HEARTH_MASTER_KEY") ? Optional.of(key.toBase64()) : Optional.empty()),
                clock);
    }

    private static List<String> stored(Database db) {
        return db.query(
                "SELECT service || '|' || field || '|' || key_id || '|' || nonce || '|' || sealed FROM hub_vault ORDER BY service, field",
                rs -> rs.getString(1));
    }

    @Test
    void aValueIsSealedAtRestAndOpensForHearthOnly(@TempDir Path dir) throws Exception {
        Database db = new Database(TestConfig.sqlite(dir));
        Vault vault = fileVault(db, dir, clock);
        SecretMetadata set = vault.put("qbittorrent", "password", PASSWORD, "admin");
        clock.advance(Duration.ofMinutes(5));
        vault.put("sonarr", "api_key", API_KEY, "alice");

        assertEquals(Optional.of(PASSWORD), vault.get("qbittorrent", "password"));
        assertEquals(Optional.of(API_KEY), vault.get("sonarr", "api_key"));
        assertEquals(Optional.empty(), vault.get("sonarr", "password"));
        assertEquals(new SecretMetadata("qbittorrent", "password", T0, "admin"), set);
        assertEquals(
                List.of(new SecretMetadata("sonarr", "api_key", T0.plus(Duration.ofMinutes(5)), "alice")),
                vault.metadata("sonarr"));

        // At rest: neither the value nor its bytes, in any column; the database file holds no trace of them either.
        for (String row : stored(db)) {
            assertFalse(row.contains(PASSWORD) || row.contains(API_KEY), row);
            String sealed = row.substring(row.lastIndexOf('|') + 1);
            String raw = new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains(PASSWORD) || raw.contains(API_KEY), "the ciphertext holds the value");
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("hearth.db"))
                    .toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(PASSWORD) || content.contains(API_KEY), f + " holds a value in clear");
            }
        }

        Path keyFile = dir.resolve("vault.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(keyFile).strip()).length);
    }

    @Test
    void theSameValueSealedTwiceLooksDifferentEachTime(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        Vault vault = fileVault(db, dir, clock);
        vault.put("a", "password", PASSWORD, "admin");
        vault.put("b", "password", PASSWORD, "admin");
        List<String> rows = stored(db);
        String[] a = rows.get(0).split("\\|");
        String[] b = rows.get(1).split("\\|");
        assertNotEquals(a[3], b[3], "a fresh nonce per value");
        assertNotEquals(a[4], b[4]);
    }

    @Test
    void aValueReplacedKeepsOneRowAndTheNewDate(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        Vault vault = fileVault(db, dir, clock);
        vault.put("plex", "token", "first-token", "admin");
        clock.advance(Duration.ofHours(1));
        vault.put("plex", "token", "second-token", "bob");
        assertEquals(Optional.of("second-token"), vault.get("plex", "token"));
        assertEquals(
                List.of(new SecretMetadata("plex", "token", T0.plus(Duration.ofHours(1)), "bob")),
                vault.metadata("plex"));
        assertTrue(vault.remove("plex", "token", "bob"));
        assertFalse(vault.remove("plex", "token", "bob"));
        assertEquals(Optional.empty(), vault.get("plex", "token"));
    }

    @Test
    void theKeyFromTheEnvironmentIsUsedAndNothingIsWrittenToDisk(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        MasterKey key = MasterKey.generate(new SecureRandom());
        Vault vault = envVault(db, dir, key, clock);
        vault.put("sonarr", "api_key", API_KEY, "admin");
        assertEquals(
                Optional.of(API_KEY),
                envVault(db, dir, key, clock).get("sonarr", "api_key"),
                "another start with the same key");
        assertFalse(Files.exists(dir.resolve("vault.key")));
        assertEquals(new VaultStatus("HEARTH_MASTER_KEY", key.id(), 1, 0), vault.status());
    }

    @Test
    void aMasterKeyThatIsNotOneNamesItsSourceAndNeverItsText() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
        VaultException tooShort = assertThrows(
                VaultException.class, () -> KeySource.of(Path.of("/nonexistent"), n -> Optional.of(shortKey)));
        assertEquals(VaultException.Reason.KEY_INVALID, tooShort.reason());
        assertEquals(
                "HEARTH_MASTER_KEY must hold 32 bytes in base64 (it decodes to 16 bytes); make a key with `openssl rand -base64 32`",
                tooShort.getMessage());
        VaultException notBase64 = assertThrows(
                VaultException.class, () -> MasterKey.fromBase64("not a key at all!", "HEARTH_MASTER_KEY"));
        assertFalse(notBase64.getMessage().contains("not a key at all"), notBase64.getMessage());
    }

    @Test
    void openedValuesAreKeptInMemoryDroppedOnEveryChangeHereAndReReadWithinAMinuteOfAChangeElsewhere(
            @TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        Vault vault = fileVault(db, dir, clock);
        vault.put("sonarr", "api_key", API_KEY, "admin");
        assertEquals(Map.of("api_key", API_KEY), vault.credentials("sonarr"));
        db.update("UPDATE hub_vault SET nonce = 'not read again' WHERE service = 'sonarr'");
        assertEquals(
                Optional.of(API_KEY),
                vault.get("sonarr", "api_key"),
                "a proxied call reads no row and decrypts nothing");

        vault.put("sonarr", "api_key", "the-new-key-0001", "admin");
        assertEquals(Optional.of("the-new-key-0001"), vault.get("sonarr", "api_key"), "a change here: at once");
        vault.remove("sonarr", "api_key", "admin");
        assertEquals(Map.of(), vault.credentials("sonarr"), "a removal here: at once");

        // another process on the same database (the CLI's import): seen once the kept values are a minute old
        vault.put("radarr", "api_key", API_KEY, "admin");
        assertEquals(Optional.of(API_KEY), vault.get("radarr", "api_key"));
        fileVault(db, dir, clock).put("radarr", "api_key", "set-by-the-cli-0002", "import:homarr");
        assertEquals(Optional.of(API_KEY), vault.get("radarr", "api_key"), "kept for up to a minute");
        clock.advance(Vault.OPENED_FOR);
        assertEquals(Optional.of("set-by-the-cli-0002"), vault.get("radarr", "api_key"));
    }

    @Test
    void theWrongKeyIsAClearRefusalNeverGarbage(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        Vault sealedWithFile = fileVault(db, dir, clock);
        sealedWithFile.put("qbittorrent", "password", PASSWORD, "admin");
        String fileKeyId = sealedWithFile.status().keyId();

        MasterKey other = MasterKey.generate(new SecureRandom());
        Vault withOtherKey = envVault(db, dir, other, clock);
        VaultException e = assertThrows(VaultException.class, () -> withOtherKey.get("qbittorrent", "password"));
        assertEquals(VaultException.Reason.WRONG_KEY, e.reason());
        assertEquals(
                "the value of qbittorrent.password was sealed under key " + fileKeyId
                        + ", but the key in use (HEARTH_MASTER_KEY) is " + other.id()
                        + "; use the key it was sealed with, or set the value again",
                e.getMessage());
        assertEquals(new VaultStatus("HEARTH_MASTER_KEY", other.id(), 1, 1), withOtherKey.status());
        assertEquals(1, withOtherKey.metadata("qbittorrent").size(), "metadata still answers");
    }

    @Test
    void aChangedCiphertextOrOneMovedToAnotherFieldFailsItsIntegrityCheck(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        Vault vault = fileVault(db, dir, clock);
        vault.put("qbittorrent", "password", PASSWORD, "admin");
        vault.put("qbittorrent", "username", "admin", "admin");
        String sealed = db.queryOne("SELECT sealed FROM hub_vault WHERE field = 'password'", rs -> rs.getString(1))
                .orElseThrow();
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[3] ^= 0x01; // one bit of the ciphertext
        db.update(
                "UPDATE hub_vault SET sealed = ? WHERE field = 'password'",
                Base64.getEncoder().encodeToString(bytes));
        VaultException flipped = assertThrows(VaultException.class, () -> vault.get("qbittorrent", "password"));
        assertEquals(VaultException.Reason.TAMPERED, flipped.reason());
        assertEquals(
                "the sealed value of qbittorrent.password fails its integrity check: it was changed outside Hearth or is damaged;"
                        + " set it again",
                flipped.getMessage());

        // The password's intact ciphertext copied onto another service: the associated data (service and field) refuses
        // it.
        vault.put("qbittorrent", "password", PASSWORD, "admin");
        db.update(
                "INSERT INTO hub_vault (service, field, key_id, nonce, sealed, set_at, set_by)"
                        + " SELECT 'deluge', field, key_id, nonce, sealed, set_at, set_by FROM hub_vault WHERE service = 'qbittorrent' AND field = 'password'");
        assertEquals(
                VaultException.Reason.TAMPERED,
                assertThrows(VaultException.class, () -> vault.get("deluge", "password"))
                        .reason());
        assertEquals(Optional.of(PASSWORD), vault.get("qbittorrent", "password"), "the original still opens");
    }

    @Test
    void valuesWhoseKeyFileIsGoneAreNeverJoinedByValuesUnderANewKey(@TempDir Path dir) throws Exception {
        Database db = new Database(TestConfig.sqlite(dir));
        fileVault(db, dir, clock).put("qbittorrent", "password", PASSWORD, "admin");
        Files.delete(dir.resolve("vault.key"));
        Vault restarted = fileVault(db, dir, clock);
        VaultException put =
                assertThrows(VaultException.class, () -> restarted.put("sonarr", "api_key", API_KEY, "admin"));
        assertEquals(VaultException.Reason.KEY_MISSING, put.reason());
        assertTrue(
                put.getMessage()
                        .startsWith("the vault holds 1 sealed values but the key file " + dir.resolve("vault.key")
                                + " is missing"),
                put.getMessage());
        assertEquals(
                VaultException.Reason.KEY_MISSING,
                assertThrows(VaultException.class, () -> restarted.get("qbittorrent", "password"))
                        .reason());
        assertFalse(Files.exists(dir.resolve("vault.key")), "no new key was made");
    }

    @Test
    void aKeyFileLoosenedByACopyIsMadeOwnerOnlyAgain(@TempDir Path dir) throws Exception {
        Database db = new Database(TestConfig.sqlite(dir));
        fileVault(db, dir, clock).put("qbittorrent", "password", PASSWORD, "admin");
        Files.setPosixFilePermissions(dir.resolve("vault.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(Optional.of(PASSWORD), fileVault(db, dir, clock).get("qbittorrent", "password"));
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("vault.key"))));
    }

    @Test
    void rotationReSealsEveryValueUnderANewKeyFileAndLeavesNoJournal(@TempDir Path dir) throws Exception {
        Database db = new Database(TestConfig.sqlite(dir));
        Vault vault = fileVault(db, dir, clock);
        Map<String, String> values =
                Map.of("password", PASSWORD, "api_key", API_KEY, "username", "admin", "token", "t0ken-value");
        values.forEach((field, value) -> vault.put("svc", field, value, "admin"));
        String oldKeyFile = Files.readString(dir.resolve("vault.key"));
        List<String> before = stored(db);

        RotationReport report = vault.rotate();

        assertEquals(4, report.entries());
        assertNotEquals(report.fromKeyId(), report.toKeyId());
        assertNotEquals(oldKeyFile, Files.readString(dir.resolve("vault.key")));
        assertFalse(Files.exists(dir.resolve("vault.key.next")));
        List<String> after = stored(db);
        for (int i = 0; i < before.size(); i++) {
            assertNotEquals(before.get(i), after.get(i));
            assertTrue(after.get(i).contains("|" + report.toKeyId() + "|"), after.get(i));
        }
        Vault restarted = fileVault(db, dir, clock);
        values.forEach((field, value) -> assertEquals(Optional.of(value), restarted.get("svc", field)));
        assertEquals(report.toKeyId(), restarted.status().keyId());
        assertEquals(
                new SecretMetadata("svc", "password", T0, "admin"),
                restarted.metadata("svc").get(1),
                "metadata kept");
    }

    @Test
    void withTheKeyInTheEnvironmentRotationNeedsTheNewKeyAndThenTheVariable(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        MasterKey first = MasterKey.generate(new SecureRandom());
        Vault vault = envVault(db, dir, first, clock);
        vault.put("sonarr", "api_key", API_KEY, "admin");
        assertEquals(
                VaultException.Reason.ROTATION_REFUSED,
                assertThrows(VaultException.class, vault::rotate).reason());
        assertEquals(
                VaultException.Reason.ROTATION_REFUSED,
                assertThrows(VaultException.class, () -> vault.rotateTo(first)).reason());

        MasterKey second = MasterKey.generate(new SecureRandom());
        RotationReport report = vault.rotateTo(second);
        assertEquals(new RotationReport(1, first.id(), second.id(), T0), report);
        assertEquals(Optional.of(API_KEY), vault.get("sonarr", "api_key"), "this process goes on with the new key");
        assertEquals(
                VaultException.Reason.WRONG_KEY,
                assertThrows(
                                VaultException.class,
                                () -> envVault(db, dir, first, clock).get("sonarr", "api_key"))
                        .reason(),
                "a start with the old variable: refused, not garbage");
        assertEquals(
                Optional.of(API_KEY),
                envVault(db, dir, second, clock).get("sonarr", "api_key"),
                "and with the new one, read");
    }

    @Test
    void namesAreCheckedAndTheValueNeverQuotedInTheRefusal(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        Vault vault = fileVault(db, dir, clock);
        assertThrows(IllegalArgumentException.class, () -> vault.put("../etc", "password", PASSWORD, "admin"));
        assertThrows(IllegalArgumentException.class, () -> vault.put("svc", "Pass\nword", PASSWORD, "admin"));
        IllegalArgumentException tooLong = assertThrows(
                IllegalArgumentException.class, () -> vault.put("svc", "password", PASSWORD.repeat(1000), "admin"));
        assertFalse(tooLong.getMessage().contains(PASSWORD), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vault.put("svc", "password", "", "admin"));
        // nothing refused was stored (and the database, opened in the background, is open before the dir goes)
        assertEquals(0, db.count("SELECT COUNT(*) FROM hub_vault"));
    }

    @Test
    void noSecretReachesALogLineAnErrorOrAToString(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        MasterKey envKey = MasterKey.generate(new SecureRandom());
        String fileKey;
        try (LogCapture logs = LogCapture.start()) {
            Vault vault = fileVault(db, dir, clock);
            vault.put("qbittorrent", "password", PASSWORD, "admin");
            vault.put("sonarr", "api_key", API_KEY, "admin");
            vault.get("qbittorrent", "password");
            vault.credentials("sonarr");
            RotationReport report = vault.rotate();
            fileKey = readKey(dir);
            Vault wrong = envVault(db, dir, envKey, clock);
            VaultException wrongKey = assertThrows(VaultException.class, () -> wrong.get("sonarr", "api_key"));
            db.update(
                    "UPDATE hub_vault SET sealed = ? WHERE service = 'sonarr'",
                    Base64.getEncoder().encodeToString(new byte[40]));
            VaultException tampered = assertThrows(VaultException.class, () -> vault.get("sonarr", "api_key"));

            String[] secrets = {PASSWORD, API_KEY, fileKey, envKey.toBase64()};
            logs.assertNoneContains(secrets);
            for (Object shown : List.of(
                    vault,
                    wrong,
                    envKey,
                    report,
                    vault.status(),
                    vault.metadata("qbittorrent"),
                    KeySource.of(dir, n -> Optional.of(envKey.toBase64())),
                    wrongKey.getMessage(),
                    tampered.getMessage())) {
                for (String secret : secrets) {
                    assertFalse(String.valueOf(shown).contains(secret), "shown: " + shown);
                }
            }
        }
    }

    private static String readKey(Path dir) {
        try {
            return Files.readString(dir.resolve("vault.key")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
