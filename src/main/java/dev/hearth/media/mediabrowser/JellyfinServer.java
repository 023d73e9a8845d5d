package dev.hearth.media.mediabrowser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.Library;
import dev.hearth.media.MediaServer;
import dev.hearth.media.NowPlaying;
import dev.hearth.media.RecentItem;
import dev.hearth.media.Stream;
import dev.hearth.media.clients.Json;
import dev.hearth.media.clients.LibraryPaths;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Jellyfin (or Emby) as a {@link MediaServer}. */
public final class JellyfinServer implements Integration, MediaServer {
    /** A whole-library scan of a large collection takes minutes; only an explicit request waits for it. */
    public static final Duration FULL_SCAN_TIMEOUT = Duration.ofMinutes(10);

    private final String kind;
    private final String product;
    private final String serviceName;
    private final JellyfinApi api;
    private final Clock clock;

    private JellyfinServer(String kind, String product, String serviceName, JellyfinApi api, Clock clock) {
        this.kind = kind;
        this.product = product;
        this.serviceName = serviceName;
        this.api = api;
        this.clock = clock;
    }

    /**
     * For the jellyfin and emby kinds: the one way to build this server for a service. {@code product} names
     * it where the server does not ("Jellyfin", "Emby").
     */
    public static JellyfinServer connect(
            String kind,
            String product,
            HttpStack http,
            Clock clock,
            IntegrationTarget<?> target,
            String apiKey,
            JellyfinAuth auth,
            Duration fullScanTimeout) {
        return new JellyfinServer(
                kind,
                product,
                target.serviceName(),
                new JellyfinApi(http.client(MediaSpecs.of(target, auth.with(apiKey))), fullScanTimeout),
                clock);
    }

    @Override
    public Reading poll() {
        return NowPlaying.reading(
                HealthProbe.check(clock, () -> {
                    JsonNode info = api.systemInfo();
                    String name = Json.text(info, "ProductName");
                    return (name.isEmpty() ? product : name) + " " + Json.text(info, "Version") + " ("
                            + Json.text(info, "ServerName") + ")";
                }),
                this::sessions);
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public List<Library> libraries() {
        return Json.list(api.virtualFolders(), JellyfinShapes::library);
    }

    @Override
    public void refreshLibrary(String libraryId) {
        api.refreshItem(libraryId);
    }

    @Override
    public void refreshAll() {
        api.refreshAll();
    }

    @Override
    public void refreshPath(String path) {
        // Jellyfin ignores a path outside its libraries without a word; say so instead.
        LibraryPaths.owning(libraries(), path, product + " '" + serviceName + "'");
        api.mediaUpdated(path);
    }

    @Override
    public List<Stream> sessions() {
        return Json.list(api.sessions(), s -> s).stream()
                .filter(JellyfinShapes::isPlaying)
                .map(JellyfinShapes::stream)
                .toList();
    }

    @Override
    public List<RecentItem> recentlyAdded(int limit) {
        return Json.list(api.newestItems(limit), "Items", JellyfinShapes::recent);
    }
}
