package dev.hearth.backups.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Hearth's own state in the data dir: the SQLite files, the run-time overrides, and every other top-level
 * file (the webhook secret, the first-start credentials, a credentials vault, ...), which a backup takes
 * as they are (an encrypted vault stays encrypted). Subdirectories (backups, supervised programs' logs,
 * the restore's own) are not state a restore should bring back.
 */
public final class StateFiles {
    public static final String DATABASE = "hearth.db";
    public static final List<String> DATABASE_SIDE_FILES =
            List.of("hearth.db-wal", "hearth.db-shm", "hearth.db-journal");
    public static final String OVERRIDES = "config-overrides.yml";
    private static final Set<String> NOT_DATA =
            Set.of(DATABASE, "hearth.db-wal", "hearth.db-shm", "hearth.db-journal", OVERRIDES);

    private StateFiles() {}

    /** Names of the top-level data files, sorted. */
    public static List<String> dataFiles(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) return List.of();
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .filter(n ->
                            !NOT_DATA.contains(n) && !n.endsWith(".tmp") && !n.endsWith(".part") && !n.startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
