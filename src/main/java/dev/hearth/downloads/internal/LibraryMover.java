package dev.hearth.downloads.internal;

import dev.hearth.downloads.DownloadCompleted;
import dev.hearth.downloads.DownloadRoots;
import dev.hearth.downloads.DownloadsConfig;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The first link of the completion pipeline: puts a finished download into its category's library
 * ({@code downloads.categories.<name>.library_path}) by moving or hard-linking it, file by file.
 * Idempotent, since the bus may deliver an event again: a file already in place (same size) is not
 * touched again, an existing different file is never overwritten, and a half-done move resumes.
 */
@Singleton
public class LibraryMover implements EventListener<DownloadCompleted> {
    private static final Logger LOG = Logger.getLogger(LibraryMover.class);

    private final ConfigService config;
    private final TaskStore store;

    public LibraryMover(ConfigService config, TaskStore store) {
        this.config = config;
        this.store = store;
    }

    @Override
    public Class<DownloadCompleted> type() {
        return DownloadCompleted.class;
    }

    @Override
    public void on(DownloadCompleted e) throws IOException {
        DownloadsConfig d = config.current().section(DownloadsConfig.class);
        String mode = d.completion().mode();
        DownloadsConfig.Category category = d.categories().get(e.category());
        if ("none".equals(mode)
                || category == null
                || category.libraryPath().isBlank()
                || e.name().isBlank()
                || e.savePath().isBlank()) {
            return;
        }
        Path saveDir = Path.of(e.savePath()).toAbsolutePath().normalize();
        Path libraryDir = Path.of(category.libraryPath()).toAbsolutePath().normalize();
        Path source = saveDir.resolve(e.name()).normalize();
        Path target = libraryDir.resolve(e.name()).normalize();
        // A name is the client's word: it must not climb out of either directory.
        if (!source.startsWith(saveDir) || !target.startsWith(libraryDir) || source.equals(saveDir)) {
            LOG.warnf("Not moving task %s: its name '%s' leaves the save or library directory", e.taskId(), e.name());
            return;
        }
        // Where the client says the files are is its word too: only what really lies in the download roots
        // (real path, links followed) goes into the library, and a link is never taken for a download.
        DownloadRoots roots = DownloadRoots.of(config.current());
        if (!roots.mayDelete(source) || Files.isSymbolicLink(source)) {
            LOG.warnf(
                    "Not moving task %s: %s is outside the download directories %s (or a link)",
                    e.taskId(), source, roots.configured());
            return;
        }
        Optional<Path> realLibrary = DownloadRoots.entry(libraryDir);
        Optional<Path> realTarget = DownloadRoots.entry(target);
        if (realLibrary.isEmpty() || realTarget.isEmpty() || !realTarget.get().startsWith(realLibrary.get())) {
            LOG.warnf("Not moving task %s: %s leads out of the library %s", e.taskId(), target, libraryDir);
            return;
        }
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                store.setLibraryPath(e.taskId(), target.toString()); // done before: a re-delivery
            } else {
                LOG.warnf(
                        "Task %s completed but %s does not exist here; nothing to put into %s",
                        e.taskId(), source, libraryDir);
            }
            return;
        }
        boolean move = "move".equals(mode);
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .toList();
            }
            for (Path file : files)
                place(file, target.resolve(source.relativize(file).toString()), move);
            if (move) removeEmptyDirectories(source);
        } else {
            place(source, target, move);
        }
        store.setLibraryPath(e.taskId(), target.toString());
        LOG.infof("Task %s: %s %s into %s", e.taskId(), move ? "moved" : "linked", e.name(), libraryDir);
    }

    private static void place(Path from, Path to, boolean move) throws IOException {
        Files.createDirectories(to.getParent());
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.size(to) == Files.size(from)) {
                if (move) Files.delete(from); // moved before the crash, source left behind
            } else {
                LOG.warnf("Not replacing %s: a different file of that name is already in the library", to);
            }
            return;
        }
        if (move) {
            Files.move(from, to); // same file system: a rename; else copy and delete
            return;
        }
        try {
            Files.createLink(to, from);
        } catch (FileSystemException | UnsupportedOperationException crossDevice) {
            // The library is on another file system: a hard link cannot span it. The copy keeps the file's
            // mode, owner and times, as the link would have.
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static void removeEmptyDirectories(Path root) throws IOException {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(root)) {
            dirs = walk.filter(Files::isDirectory)
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        for (Path dir : dirs) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) Files.delete(dir);
            }
        }
    }
}
