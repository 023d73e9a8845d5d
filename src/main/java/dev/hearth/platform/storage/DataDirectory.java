package dev.hearth.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The data dir holds the database, the run-time config changes and secret files: it is the owner's alone
 * (0700) and so are those files (0600). Created that way, and an existing one from an earlier Hearth — or
 * one a backup restored with looser modes — is set right at start, wherever Hearth owns the file: it never
 * changes a file another user owns.
 */
public final class DataDirectory {
    private static final Logger LOG = Logger.getLogger(DataDirectory.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** What the data dir holds that is secret or private: the database (and its WAL), run-time changes, secrets. */
    static final List<String> PRIVATE_FILES = List.of(
            "hearth.db",
            "hearth.db-wal",
            "hearth.db-shm",
            "hearth.db-journal",
            "config-overrides.yml",
            "config-overrides.yml.tmp",
            "webhook-secret",
            "initial-credentials.txt");

    private DataDirectory() {}

    /** Creates the data dir owner-only, or makes an existing one (and its private files) owner-only. */
    public static void secure(Path dataDir) {
        try {
            if (Files.notExists(dataDir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                Files.setPosixFilePermissions(dataDir, DIRECTORY); // the umask may have taken bits away; never adds any
                return;
            }
            restrict(dataDir, DIRECTORY);
            for (String name : PRIVATE_FILES) {
                Path file = dataDir.resolve(name);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) restrict(file, FILE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("Cannot make the data dir %s owner-only: %s", dataDir, e.getMessage());
        }
    }

    /** Creates an empty private file (0600) unless it exists, so nothing is ever written to it with looser modes. */
    public static void createPrivateFile(Path file) throws IOException {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!ownedByHearth(path)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (!now.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
            LOG.infof("Made %s owner-only (was %s)", path, PosixFilePermissions.toString(now));
        }
    }

    /** /proc/self belongs to the user this process runs as. */
    private static boolean ownedByHearth(Path path) throws IOException {
        Object mine = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        return mine.equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }
}
