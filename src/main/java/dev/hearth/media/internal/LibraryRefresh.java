package dev.hearth.media.internal;

import dev.hearth.downloads.DownloadCompleted;
import dev.hearth.downloads.DownloadsConfig;
import dev.hearth.media.Library;
import dev.hearth.media.MediaConfig;
import dev.hearth.media.MediaServer;
import dev.hearth.media.MediaServices;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.events.EventListener;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The completion pipeline's media link: a finished download refreshes the library section it belongs to (by
 * its category or where its files are, {@code media.libraries}; else the library whose folder holds them), once,
 * and then tells the user it is ready to watch. Both steps are recorded (V81), so a re-delivered event or a
 * restart does neither again. A download whose category belongs to an *arr app is left to that app: it imports
 * the files and Hearth hears of it through the app's webhook. A download the library mover puts into a library
 * is refreshed on {@code DownloadPlaced} ({@link PlacedRefresh}), once the files are there.
 */
@Singleton
public class LibraryRefresh implements EventListener<DownloadCompleted> {
    private static final Logger LOG = Logger.getLogger(LibraryRefresh.class);

    private final MediaServices services;
    private final MediaLedger ledger;
    private final NotificationService notifications;
    private final ConfigService config;
    private final Database db;
    private final Clock clock;

    public LibraryRefresh(
            MediaServices services,
            MediaLedger ledger,
            NotificationService notifications,
            ConfigService config,
            Database db,
            Clock clock) {
        this.services = services;
        this.ledger = ledger;
        this.notifications = notifications;
        this.config = config;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Class<DownloadCompleted> type() {
        return DownloadCompleted.class;
    }

    @Override
    public void on(DownloadCompleted e) {
        if (config.current().section(DownloadsConfig.class).placesIntoLibrary(e.category())) return;
        String where = e.savePath().isBlank() || e.name().isBlank()
                ? e.savePath()
                : Path.of(e.savePath()).resolve(e.name()).toString();
        finished(e.taskId(), e.name(), e.category(), where);
    }

    /** One finished download whose files are at {@code where}: refresh its library once, then notify once. */
    void finished(String taskId, String name, String category, String where) {
        MediaConfig media = config.current().section(MediaConfig.class);
        if (media.arrCategories().contains(category)) return; // the *arr app imports it; its webhook tells us
        Optional<MediaLedger.Requested> requested = ledger.requested(taskId);
        Optional<MediaLedger.Done> done = ledger.done(taskId);
        if (done.isEmpty()) {
            List<String> refreshed = refresh(media, category, where);
            if (refreshed.isEmpty() && requested.isEmpty()) return; // not media: nothing of ours
            ledger.recordRefreshed(taskId, String.join(", ", refreshed));
            done = ledger.done(taskId);
        }
        if (done.isEmpty() || done.get().notified()) return;
        String refreshedWhere = done.get().refreshed();
        String title = requested
                .map(r -> r.year() == null ? r.title() : r.title() + " (" + r.year() + ")")
                .orElse(name);
        db.inTransaction(() -> {
            if (!ledger.markNotified(taskId)) return false;
            notifications.notify(new Notification(
                    Level.INFO,
                    "Ready to watch: " + title,
                    title + " is downloaded"
                            + (refreshedWhere.isEmpty()
                                    ? "; no media library is configured for it, so it is in " + where
                                    : " and in your library (" + refreshedWhere + ")"),
                    "media",
                    "media:ready:" + taskId,
                    clock.instant()));
            return true;
        });
    }

    /**
     * Refreshes every library this download maps to and answers them as "server:library". A server that fails
     * throws, so the bus delivers the event again later; what was refreshed is recorded only when all went well.
     */
    private List<String> refresh(MediaConfig media, String category, String where) {
        List<MediaServer> servers = services.offering(MediaServer.class);
        List<String> refreshed = new ArrayList<>();
        List<MediaConfig.LibraryRoute> routes = media.libraries().stream()
                .filter(r -> r.matches(category, where))
                .toList();
        for (MediaConfig.LibraryRoute route : routes) {
            for (MediaServer server : servers) {
                if (!route.server().isEmpty() && !route.server().equals(server.serviceName())) continue;
                Optional<Library> library = server.libraries().stream()
                        .filter(l -> l.id().equals(route.library())
                                || l.name()
                                        .toLowerCase(Locale.ROOT)
                                        .equals(route.library().toLowerCase(Locale.ROOT)))
                        .findFirst();
                if (library.isEmpty()) {
                    if (!route.server().isEmpty()) {
                        LOG.warnf(
                                "media.libraries names library '%s' on %s, which has no such library",
                                route.library(), server.serviceName());
                    }
                    continue;
                }
                server.refreshLibrary(library.get().id());
                refreshed.add(server.serviceName() + ":" + library.get().name());
            }
        }
        if (!routes.isEmpty() || where.isBlank()) return refreshed;
        // No route: the library whose folder holds the files, on whichever server has it.
        Path at = Path.of(where).normalize();
        for (MediaServer server : servers) {
            for (Library library : server.libraries()) {
                if (library.locations().stream()
                        .anyMatch(l -> !l.isBlank() && at.startsWith(Path.of(l).normalize()))) {
                    server.refreshLibrary(library.id());
                    refreshed.add(server.serviceName() + ":" + library.name());
                }
            }
        }
        return refreshed;
    }
}
