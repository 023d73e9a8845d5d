package dev.hearth.media.plex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.Library;
import dev.hearth.media.MediaServer;
import dev.hearth.media.NowPlaying;
import dev.hearth.media.RecentItem;
import dev.hearth.media.Stream;
import dev.hearth.media.clients.Json;
import dev.hearth.media.clients.LibraryPaths;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.util.List;

/** Plex as a {@link MediaServer}. */
final class PlexServer implements Integration, MediaServer {
    private final String serviceName;
    private final PlexApi api;
    private final Clock clock;

    PlexServer(String serviceName, PlexApi api, Clock clock) {
        this.serviceName = serviceName;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Reading poll() {
        return NowPlaying.reading(
                HealthProbe.check(clock, () -> {
                    JsonNode server = api.server();
                    return "Plex Media Server " + Json.text(server, "version") + " ("
                            + Json.text(server, "friendlyName") + ")";
                }),
                this::sessions);
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String kind() {
        return PlexKind.ID;
    }

    @Override
    public List<Library> libraries() {
        return Json.list(api.sections(), "Directory", PlexShapes::library);
    }

    @Override
    public void refreshLibrary(String libraryId) {
        api.refresh(libraryId, "");
    }

    @Override
    public void refreshAll() {
        api.refresh("all", "");
    }

    @Override
    public void refreshPath(String path) {
        Library library = LibraryPaths.owning(libraries(), path, "Plex '" + serviceName + "'");
        api.refresh(library.id(), path);
    }

    @Override
    public List<Stream> sessions() {
        return Json.list(api.sessions(), "Metadata", PlexShapes::stream);
    }

    @Override
    public List<RecentItem> recentlyAdded(int limit) {
        return Json.list(api.recentlyAdded(limit), "Metadata", PlexShapes::recent).stream()
                .limit(limit)
                .toList();
    }
}
