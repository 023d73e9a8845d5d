package dev.hearth.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data dir and its private files are the owner's alone: created so, and set right at start when found looser. */
class DataDirectoryTest {

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewDataDirAndItsDatabaseAreOwnerOnly(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("fresh/data");
        Database db = new Database(TestConfig.sqlite(data));
        db.update("CREATE TABLE IF NOT EXISTS mode_probe (x INTEGER)");
        db.update("INSERT INTO mode_probe VALUES (1)");

        assertEquals("rwx------", mode(data));
        assertEquals("rw-------", mode(data.resolve("hearth.db")));
        // SQLite writes the WAL beside the database with the database file's mode.
        assertEquals("rw-------", mode(data.resolve("hearth.db-wal")));
        assertEquals("rw-------", mode(data.resolve("hearth.db-shm")));
        db.close();
    }

    @Test
    void anExistingDataDirWithLooseModesIsSetRightAtStartButOthersFilesAreLeftAlone(@TempDir Path tmp)
            throws Exception {
        Path data = Files.createDirectories(tmp.resolve("old/data"));
        Database first = new Database(TestConfig.sqlite(data));
        first.update("CREATE TABLE IF NOT EXISTS mode_probe (x INTEGER)");
        first.close();
        Files.writeString(data.resolve("config-overrides.yml"), "domain: example.org\n");
        Files.writeString(data.resolve("webhook-secret"), "hwh_secret\n");
        Files.writeString(data.resolve("initial-credentials.txt"), "admin / password\n");
        Path foreign = Files.writeString(data.resolve("config-overrides.yml.tmp"), "someone else's");
        // As an earlier Hearth (or a restore from a backup) left them: readable by everyone.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String f : new String[] {
            "hearth.db", "config-overrides.yml", "webhook-secret", "initial-credentials.txt", "config-overrides.yml.tmp"
        }) {
            Files.setPosixFilePermissions(data.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setAttribute(foreign, "unix:uid", 4321);

        Database again = new Database(TestConfig.sqlite(data));
        again.update("INSERT INTO mode_probe VALUES (2)");

        assertEquals("rwx------", mode(data));
        for (String f :
                new String[] {"hearth.db", "config-overrides.yml", "webhook-secret", "initial-credentials.txt"}) {
            assertEquals("rw-------", mode(data.resolve(f)), f);
        }
        assertEquals("rw-r--r--", mode(foreign), "a file Hearth does not own is not Hearth's to change");
        again.close();
    }
}
