package dev.hearth.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.backups.internal.BackupMaker;
import dev.hearth.backups.internal.DatabaseSnapshot;
import dev.hearth.backups.internal.RestoreJournal;
import dev.hearth.backups.internal.RestorePreparer;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.docker.DockerEndpoints;
import dev.hearth.testing.Processes;
import dev.hearth.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of a real SQLite Hearth database, data dir and an included path: opened without Hearth (the documented
 * Python recipe, GNU tar, sha256sum, the sqlite3 program), and restored through the journal, outside Quarkus.
 */
class BackupRoundTripTest {
    static final DockerEndpoints NO_DOCKER = new DockerEndpoints(Map.of(), Map.of(), Map.of());

    static void alert(Database db, String message) {
        db.insert(
                "INSERT INTO alerts (rule_key, level, state, source, message, details, raised_at) VALUES (?, 'info', 'raised', 'test', ?, '{}', ?)",
                "k:" + message,
                message,
                System.currentTimeMillis());
    }

    static List<String> alerts(Database db) {
        return db.query("SELECT message FROM alerts ORDER BY id", rs -> rs.getString(1));
    }

    /** The Python block of docs/backups.md, as a person would copy it. */
    static String documentedRecipe() throws Exception {
        Matcher m = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("docs/backups.md")));
        assertTrue(m.find(), "docs/backups.md has the Python recipe");
        return m.group(1);
    }

    static String python() {
        // Debian's python3 has python3-cryptography from apt; a python3 earlier on PATH may lack it
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    @Test
    void anEncryptedBackupOpensWithoutHearthByTheDocumentedRecipe(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path www = Files.createDirectories(dir.resolve("srv/www"));
        Files.writeString(www.resolve("index.html"), "home page");
        ConfigService config = TestConfig.with(
                data,
                Map.of(
                        "hearth.backups.passphrase",
                        "tr0ub4dor&3",
                        "hearth.backups.roots",
                        dir.resolve("srv").toString()));
        Database db = new Database(config);
        alert(db, "kept in the backup");
        Files.writeString(data.resolve("webhook-secret"), "s3cret-s3cret-s3cret");
        BackupMaker maker = new BackupMaker(db, config.current(), Optional.empty(), NO_DOCKER, "test");
        BackupMaker.Made made = maker.make(
                dir.resolve("backups"),
                "b_20260206_023000.tar.gz.enc",
                "b",
                "before the upgrade",
                Instant.now(),
                maker.resolve(new Includes(List.of(www.toString()), List.of())),
                Duration.ofMinutes(1));

        Path recipe = Files.writeString(dir.resolve("hearth-decrypt.py"), documentedRecipe());
        Path plain = dir.resolve("b.tar.gz");
        Processes.run(
                dir,
                Map.of("HEARTH_BACKUP_PASSPHRASE", "tr0ub4dor&3"),
                List.of(python(), recipe.toString(), made.file().toString(), plain.toString()));
        Path out = Files.createDirectories(dir.resolve("out"));
        Processes.run(dir, "tar", "-xzf", plain.toString(), "-C", out.toString());
        String check = Processes.run(out, "sha256sum", "-c", "SHA256SUMS");
        assertTrue(
                check.contains("database/hearth.db: OK")
                        && check.contains("data/webhook-secret: OK")
                        && check.contains("paths/0/index.html: OK"),
                check);
        assertEquals(
                "kept in the backup\n",
                Processes.run(out, "sqlite3", "database/hearth.db", "SELECT message FROM alerts"));
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(
                manifest.contains("\"schema_version\" : \"" + DatabaseSnapshot.liveSchemaVersion(db) + "\""), manifest);
        assertTrue(manifest.contains("\"description\" : \"before the upgrade\""), manifest);

        AssertionError wrong = assertThrows(
                AssertionError.class,
                () -> Processes.run(
                        dir,
                        Map.of("HEARTH_BACKUP_PASSPHRASE", "guess"),
                        List.of(
                                python(),
                                recipe.toString(),
                                made.file().toString(),
                                dir.resolve("nope").toString())));
        assertTrue(
                wrong.getMessage().contains("InvalidTag"), "a wrong passphrase opens nothing: " + wrong.getMessage());
    }

    @Test
    void aRestoreBringsBackTheDataOfTheBackupAndDropsWhatCameAfter(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path www = Files.createDirectories(dir.resolve("srv/www"));
        Files.writeString(www.resolve("index.html"), "version 1");
        ConfigService config = TestConfig.with(
                data, Map.of("hearth.backups.roots", dir.resolve("srv").toString()));
        Database db = new Database(config);
        alert(db, "before");
        Files.writeString(data.resolve("webhook-secret"), "old-secret");
        BackupMaker maker = new BackupMaker(db, config.current(), Optional.empty(), NO_DOCKER, "test");
        BackupMaker.Made made = maker.make(
                dir.resolve("backups"),
                "b_20260206_023000.tar.gz",
                "b",
                "",
                Instant.now(),
                maker.resolve(new Includes(List.of(www.toString()), List.of())),
                Duration.ofMinutes(1));

        alert(db, "after");
        Files.writeString(data.resolve("webhook-secret"), "new-secret");
        Files.writeString(data.resolve("vault.enc"), "created after the backup");
        Files.writeString(www.resolve("index.html"), "version 2");
        Files.writeString(www.resolve("new.html"), "added later");

        RestorePreparer preparer = new RestorePreparer(new RestorePreparer.Context(
                data,
                Optional.empty(),
                "sqlite",
                DatabaseSnapshot.liveSchemaVersion(db),
                List.of(dir.resolve("srv").toString()),
                NO_DOCKER));
        preparer.prepare(made.file(), "b", made.file().getFileName().toString(), "");
        assertEquals(
                "version 2", Files.readString(www.resolve("index.html")), "nothing live changes before the restart");
        assertEquals(List.of("before", "after"), alerts(db));

        RestoreJournal.Report report = RestoreJournal.complete(data, null).orElseThrow();
        assertEquals("completed", report.outcome(), report.message());
        Database reopened = new Database(TestConfig.with(data, Map.of()));
        assertEquals(List.of("before"), alerts(reopened));
        assertEquals("old-secret", Files.readString(data.resolve("webhook-secret")));
        assertFalse(Files.exists(data.resolve("vault.enc")), "a data file made after the backup is gone");
        assertEquals("version 1", Files.readString(www.resolve("index.html")));
        assertFalse(Files.exists(www.resolve("new.html")));
        assertFalse(
                Files.exists(www.resolveSibling("www.hearth-previous")),
                "the previous copies are removed once the swap is done");
        assertFalse(Files.exists(RestoreJournal.dir(data).resolve("journal.json")));
    }

    @Test
    void aBackupFromANewerSchemaIsRefusedAndNothingIsStaged(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        ConfigService config = TestConfig.with(data, Map.of());
        Database db = new Database(config);
        BackupMaker maker = new BackupMaker(db, config.current(), Optional.empty(), NO_DOCKER, "test");
        BackupMaker.Made made = maker.make(
                dir.resolve("backups"),
                "b_20260206_023000.tar.gz",
                "b",
                "",
                Instant.now(),
                List.of(),
                Duration.ofMinutes(1));
        RestorePreparer older = new RestorePreparer(
                new RestorePreparer.Context(data, Optional.empty(), "sqlite", "40", List.of(), NO_DOCKER));
        ApiException e =
                assertThrows(ApiException.class, () -> older.prepare(made.file(), "b", "b_20260206_023000.tar.gz", ""));
        assertTrue(e.getMessage().contains("newer than this Hearth's 40"), e.getMessage());
        assertFalse(Files.exists(RestoreJournal.dir(data)), "nothing is staged for a refused restore");
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingChanges(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        ConfigService config = TestConfig.with(data, Map.of());
        Database db = new Database(config);
        alert(db, "live");
        BackupMaker maker = new BackupMaker(db, config.current(), Optional.empty(), NO_DOCKER, "test");
        BackupMaker.Made made = maker.make(
                dir.resolve("backups"),
                "b_20260206_023000.tar.gz",
                "b",
                "",
                Instant.now(),
                List.of(),
                Duration.ofMinutes(1));
        // a bit flipped inside the database copy, with the archive re-packed so only the checksum can tell
        Path x = Files.createDirectories(dir.resolve("x"));
        Processes.run(dir, "tar", "-xzf", made.file().toString(), "-C", x.toString());
        Processes.run(x, "sqlite3", "database/hearth.db", "UPDATE alerts SET message = 'forged'");
        Path forged = dir.resolve("forged_20260206_023000.tar.gz");
        Processes.run(x, "tar", "-czf", forged.toString(), "manifest.json", "database", "SHA256SUMS");
        RestorePreparer preparer = new RestorePreparer(new RestorePreparer.Context(
                data, Optional.empty(), "sqlite", DatabaseSnapshot.liveSchemaVersion(db), List.of(), NO_DOCKER));
        ApiException e = assertThrows(
                ApiException.class,
                () -> preparer.prepare(forged, "forged", forged.getFileName().toString(), ""));
        assertTrue(e.getMessage().contains("database/hearth.db: checksum mismatch"), e.getMessage());
        assertFalse(Files.exists(RestoreJournal.dir(data)));
        assertEquals(List.of("live"), alerts(db));
    }
}
