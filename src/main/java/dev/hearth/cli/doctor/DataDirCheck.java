package dev.hearth.cli.doctor;

import dev.hearth.platform.config.HearthConfig;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The data dir (database, keys, logs of supervised programs): there or creatable, writable by this user
 * (tried, not guessed from mode bits: ACLs, read-only mounts and systemd's sandbox all say no the same way),
 * with room to grow, and the credentials file readable by its owner only.
 */
final class DataDirCheck implements Check {
    static final String NAME = "data dir";
    /** Below this the database, the metrics history and the supervised programs' logs soon stop growing. */
    static final long MIN_FREE_BYTES = 1L << 30;

    private static final String CREDENTIALS = "initial-credentials.txt";

    @Override
    public List<Finding> run(HearthConfig config) {
        Path dir = config.dataDir().toAbsolutePath().normalize();
        String user = System.getProperty("user.name", "this user");
        String owner = "sudo mkdir -p " + dir + " && sudo chown " + user + " " + dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return List.of(Finding.problem(
                    NAME,
                    dir + " exists but is not a directory",
                    "move that file away, or point HEARTH_DATA_DIR (data_dir in hearth.yml) at a directory"));
        }
        if (!Files.isDirectory(dir)) {
            Path parent = nearestExisting(dir);
            if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
                return List.of(Finding.problem(NAME, dir + " does not exist and " + user + " cannot create it", owner));
            }
            return List.of(
                    Finding.ok(NAME, dir + " does not exist yet; Hearth creates it at its first start"), space(parent));
        }
        List<Finding> findings = new ArrayList<>();
        try {
            Path probe = Files.createTempFile(dir, ".doctor-", ".tmp");
            Files.delete(probe);
            findings.add(Finding.ok(NAME, dir + " is writable by " + user));
        } catch (IOException e) {
            findings.add(Finding.problem(
                    NAME,
                    user + " cannot write in " + dir + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    "sudo chown -R " + user + " " + dir + " (under systemd: ReadWritePaths=" + dir + ")"));
        }
        findings.add(space(dir));
        Path credentials = dir.resolve(CREDENTIALS);
        if (Files.isRegularFile(credentials)) {
            try {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(credentials);
                if (p.stream()
                        .anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"))) {
                    findings.add(Finding.problem(
                            NAME,
                            credentials + " can be read by others ("
                                    + java.nio.file.attribute.PosixFilePermissions.toString(p) + ")",
                            "chmod 600 " + credentials
                                    + "; better: note the credentials elsewhere and delete the file"));
                }
            } catch (IOException | UnsupportedOperationException ignored) {
                // not a POSIX file system: nothing to say about modes
            }
        }
        return findings;
    }

    private static Finding space(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            long free = store.getUsableSpace();
            String detail = human(free) + " free on " + store + " (" + dir + ")";
            if (free < MIN_FREE_BYTES) {
                return Finding.problem(
                        NAME,
                        "only " + detail,
                        "free some space there, or move the data dir (HEARTH_DATA_DIR) to a disk with at least "
                                + human(MIN_FREE_BYTES) + " free");
            }
            return Finding.ok(NAME, detail);
        } catch (IOException e) {
            return Finding.problem(
                    NAME,
                    "cannot read the free space of " + dir + ": " + e.getMessage(),
                    "check that the disk holding " + dir + " is mounted");
        }
    }

    private static @org.jspecify.annotations.Nullable Path nearestExisting(Path dir) {
        Path p = dir.getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        return p;
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        return String.format(java.util.Locale.ROOT, "%d MB", bytes >> 20);
    }
}
