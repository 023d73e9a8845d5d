package dev.hearth.downloads.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.downloads.AddCommand;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.DownloadRoots;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.DownloadsConfig;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The auto-add folder ({@code downloads.auto_add}, Moccha's {@code auto_add_folder}): every poll interval each
 * {@code *.torrent} in it is added once through the action catalog ({@code downloads.add}, caller
 * {@code system:auto-add}) and renamed: {@code .added} when its client took it, {@code .failed} when it was
 * refused (not a torrent, already a task), {@code .refused} when it really lies outside the download roots (a
 * link out of them). The folder itself must really lie inside the roots, or nothing in it is read. A file is
 * claimed ({@code .adding}) before it is sent, so two scans never add it twice; an offline client puts it back.
 */
@Singleton
public class TorrentWatchFolder {
    private static final Logger LOG = Logger.getLogger(TorrentWatchFolder.class);
    static final Caller CALLER = Caller.system("auto-add");
    /** A .torrent is a few hundred KiB at most; anything far larger is not one. */
    static final long MAX_BYTES = 10L * 1024 * 1024;
    /** A file written this recently may still be being copied in. */
    static final Duration SETTLE = Duration.ofSeconds(1);

    public static final String ADDED = ".added";
    public static final String FAILED = ".failed";
    public static final String REFUSED = ".refused";
    static final String CLAIMED = ".adding";

    /** What one scan did with each file, by its name. */
    public record Scan(List<String> added, List<String> failed, List<String> refused) {}

    private final DownloadService downloads;
    private final ActionCatalog actions;
    private final Scheduler scheduler;
    private final ConfigService config;
    private final Clock clock;

    public TorrentWatchFolder(
            DownloadService downloads, ActionCatalog actions, Scheduler scheduler, ConfigService config, Clock clock) {
        this.downloads = downloads;
        this.actions = actions;
        this.scheduler = scheduler;
        this.config = config;
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent ignored) {
        Duration every =
                config.current().section(DownloadsConfig.class).autoAdd().pollInterval();
        scheduler.every("downloads-auto-add", every, this::scan);
    }

    /** Scans the folder once (the scheduler's job; tests call it to not wait for the interval). */
    public synchronized Scan scan() {
        DownloadsConfig.AutoAdd auto =
                config.current().section(DownloadsConfig.class).autoAdd();
        Scan scan = new Scan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (auto.folder().isEmpty()) return scan;
        Path folder = Path.of(auto.folder());
        DownloadRoots roots = DownloadRoots.of(config.current());
        if (!Files.isDirectory(folder)) return scan;
        if (!roots.contains(folder)) {
            LOG.warnf(
                    "downloads.auto_add.folder %s is not inside the download roots %s: not read",
                    folder, roots.configured());
            return scan;
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.{torrent,TORRENT,Torrent}")) {
            entries.forEach(found::add);
        } catch (IOException e) {
            LOG.warnf("downloads.auto_add.folder %s could not be read: %s", folder, e.getMessage());
            return scan;
        }
        for (Path file : found) take(file, auto, roots, scan);
        return scan;
    }

    private void take(Path file, DownloadsConfig.AutoAdd auto, DownloadRoots roots, Scan scan) {
        String name = file.getFileName().toString();
        try {
            if (!roots.contains(file) || !Files.isRegularFile(file)) {
                // A link out of the roots (or to a folder, a device): renamed, the link and never its target.
                Files.move(file, sibling(file, REFUSED), LinkOption.NOFOLLOW_LINKS);
                LOG.warnf("Auto-add refused %s: it is not a file inside the download roots", file);
                scan.refused().add(name);
                return;
            }
            if (Files.getLastModifiedTime(file)
                    .toInstant()
                    .isAfter(clock.instant().minus(SETTLE))) return;
            if (Files.size(file) > MAX_BYTES) {
                Files.move(file, sibling(file, FAILED), LinkOption.NOFOLLOW_LINKS);
                scan.failed().add(name);
                return;
            }
            Path claimed = Files.move(file, sibling(file, CLAIMED), LinkOption.NOFOLLOW_LINKS);
            byte[] data = Files.readAllBytes(claimed);
            ObjectNode params = JsonNodeFactory.instance
                    .objectNode()
                    .put("torrent_upload", downloads.stageUpload(new AddCommand.Upload(name, data)));
            if (!auto.client().isEmpty()) params.put("client", auto.client());
            if (!auto.category().isEmpty()) params.put("category", auto.category());
            try {
                actions.invoke(DownloadActions.ADD, params, CALLER, "auto-add");
                Files.move(claimed, sibling(file, ADDED));
                scan.added().add(name);
            } catch (ApiException e) {
                if (e.code() == ErrorCode.SERVICE_UNAVAILABLE) {
                    Files.move(claimed, file); // the client is away: the next scan tries again
                    return;
                }
                Files.move(claimed, sibling(file, FAILED));
                LOG.warnf("Auto-add of %s refused: %s", file, e.getMessage());
                scan.failed().add(name);
            }
        } catch (IOException e) {
            LOG.warnf("Auto-add could not handle %s: %s", file, e.getMessage());
        }
    }

    /** {@code x.torrent} → {@code x.torrent.added}; a name taken already gets a number. */
    private static Path sibling(Path file, String suffix) {
        Path target = file.resolveSibling(file.getFileName() + suffix);
        for (int i = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !suffix.equals(CLAIMED); i++) {
            target = file.resolveSibling(file.getFileName() + "." + i + suffix);
        }
        return target;
    }
}
