package dev.hearth.downloads.aria2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.downloads.DownloadRoots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Deletes a removed download's files, since aria2 never does. Only entries inside the configured download
 * roots are touched — judged against the configuration, never against the {@code dir} the daemon reports,
 * which a caller (or the daemon) could have pointed anywhere; everything else is left alone and logged.
 */
final class Aria2Files {
    private static final Logger LOG = Logger.getLogger(Aria2Files.class);

    private Aria2Files() {}

    /** Answers the paths it refused to delete. */
    static List<Path> delete(JsonNode status, DownloadRoots roots) {
        List<Path> refused = new ArrayList<>();
        String dirText = status.path("dir").asText("");
        Path dir = dirText.isEmpty() ? null : Path.of(dirText).toAbsolutePath();
        for (JsonNode f : status.path("files")) {
            String p = f.path("path").asText("");
            if (p.isEmpty() || p.startsWith("[METADATA]")) {
                continue;
            }
            Path named = Path.of(p);
            Path file;
            if (named.isAbsolute()) {
                file = named;
            } else if (dir != null) {
                file = dir.resolve(named);
            } else {
                continue;
            }
            if (!roots.mayDelete(file)) {
                refused.add(file);
                continue;
            }
            deleteIfExists(file, roots, refused);
            deleteIfExists(file.resolveSibling(file.getFileName() + ".aria2"), roots, refused); // aria2's control file
            removeEmptyFolders(file, roots);
        }
        String name = status.path("bittorrent").path("info").path("name").asText("");
        if (!name.isEmpty() && dir != null) {
            deleteIfExists(dir.resolve(name + ".aria2"), roots, refused);
        }
        if (!refused.isEmpty()) {
            LOG.warnf(
                    "Not deleting %d file(s) of aria2 download %s outside the download roots %s: %s",
                    refused.size(), status.path("gid").asText("?"), roots.configured(), refused);
        }
        return refused;
    }

    /** A multi-file torrent's folders, once empty, up to (not including) the root they lie in. */
    private static void removeEmptyFolders(Path file, DownloadRoots roots) {
        Optional<Path> root = roots.rootOf(file);
        Optional<Path> real = DownloadRoots.entry(file);
        if (root.isEmpty() || real.isEmpty()) {
            return;
        }
        for (Path parent = real.get().getParent();
                parent != null && parent.startsWith(root.get()) && !parent.equals(root.get());
                parent = parent.getParent()) {
            try {
                Files.deleteIfExists(parent);
            } catch (DirectoryNotEmptyException stillUsed) {
                break;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + parent, e);
            }
        }
    }

    private static void deleteIfExists(Path p, DownloadRoots roots, List<Path> refused) {
        if (!roots.mayDelete(p)) {
            refused.add(p);
            return;
        }
        try {
            Files.deleteIfExists(DownloadRoots.entry(p).orElse(p));
        } catch (DirectoryNotEmptyException notAFile) {
            refused.add(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
