package dev.hearth.media.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.Library;
import dev.hearth.media.MediaServer;
import dev.hearth.media.RecentItem;
import dev.hearth.media.Stream;
import dev.hearth.media.clients.Credential;
import dev.hearth.media.clients.Json;
import dev.hearth.media.clients.LibraryPaths;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Jellyfin (or Emby) as a {@link MediaServer}. */
public final class JellyfinServer implements Integration, MediaServer {
    /** A whole-library scan of a large collection takes minutes; only an explicit request waits for it. */
    public static final Duration FULL_SCAN_TIMEOUT = Duration.ofMinutes(10);

    private final IntegrationDescriptor descriptor;
    private final String serviceName;
    private final JellyfinApi api;
    private final Credential key;
    private final Clock clock;

    private JellyfinServer(IntegrationDescriptor descriptor, String serviceName, JellyfinApi api, Credential key, Clock clock) {
        this.descriptor = descriptor;
        this.serviceName = serviceName;
        this.api = api;
        this.key = key;
        this.clock = clock;
    }

    /** For the jellyfin and emby providers: the one way to build this server for a service. */
    public static JellyfinServer connect(IntegrationDescriptor descriptor, HttpStack http, Clock clock, IntegrationTarget target,
                                         JellyfinAuth auth, Duration fullScanTimeout) {
        Credential key = Credential.required(target, "api_key", "Dashboard → API Keys");
        AuthStrategy strategy = key.present() ? auth.with(key.value()) : AuthStrategy.none();
        return new JellyfinServer(descriptor, target.serviceName(),
                new JellyfinApi(http.client(MediaSpecs.of(target, strategy)), fullScanTimeout), key, clock);
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Health checkHealth() {
        if (key.missing() != null) return HealthProbe.misconfigured(clock, key.missing());
        return HealthProbe.check(clock, () -> {
            JsonNode info = api.systemInfo();
            String product = Json.text(info, "ProductName");
            return (product.isEmpty() ? descriptor.name() : product) + " " + Json.text(info, "Version")
                    + " (" + Json.text(info, "ServerName") + ")";
        });
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String kind() {
        return descriptor.id();
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
        LibraryPaths.owning(libraries(), path, descriptor.name() + " '" + serviceName + "'");
        api.mediaUpdated(path);
    }

    @Override
    public List<Stream> sessions() {
        return Json.list(api.sessions(), s -> s).stream().filter(JellyfinShapes::isPlaying).map(JellyfinShapes::stream).toList();
    }

    @Override
    public List<RecentItem> recentlyAdded(int limit) {
        return Json.list(api.newestItems(limit), "Items", JellyfinShapes::recent);
    }
}
