package dev.hearth.downloads.aria2;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Deletes a removed download's files, since aria2 never does. Only paths inside the download's own
 * {@code dir} are touched: a path from the daemon that points elsewhere ("../", an absolute path)
 * is skipped, so a confused or hostile daemon cannot make Hearth delete other files.
 */
final class Aria2Files {

    private Aria2Files() {
    }

    static void delete(JsonNode status) {
        String dirText = status.path("dir").asText("");
        if (dirText.isEmpty()) {
            return;
        }
        Path dir = Path.of(dirText).toAbsolutePath().normalize();
        for (JsonNode f : status.path("files")) {
            String p = f.path("path").asText("");
            if (p.isEmpty() || p.startsWith("[METADATA]")) {
                continue;
            }
            Path file = dir.resolve(p).toAbsolutePath().normalize();
            if (!file.startsWith(dir) || file.equals(dir)) {
                continue;
            }
            deleteIfExists(file);
            deleteIfExists(file.resolveSibling(file.getFileName() + ".aria2"));   // aria2's control file
            // A multi-file torrent's folder, once empty, up to (not including) dir.
            for (Path parent = file.getParent(); parent != null && parent.startsWith(dir) && !parent.equals(dir); parent = parent.getParent()) {
                try {
                    Files.deleteIfExists(parent);
                } catch (DirectoryNotEmptyException stillUsed) {
                    break;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + parent, e);
                }
            }
        }
        String name = status.path("bittorrent").path("info").path("name").asText("");
        if (!name.isEmpty()) {
            Path control = dir.resolve(name + ".aria2").toAbsolutePath().normalize();
            if (control.startsWith(dir)) {
                deleteIfExists(control);
            }
        }
    }

    private static void deleteIfExists(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
