package dev.hearth.media.mediabrowser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaNotFoundException;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The calls Hearth makes to Jellyfin (and Emby). JSON is PascalCase; times are ticks of 100 ns. */
final class JellyfinApi {
    private final UpstreamClient http;
    private final Duration fullScanTimeout;

    JellyfinApi(UpstreamClient http, Duration fullScanTimeout) {
        this.http = http;
        this.fullScanTimeout = fullScanTimeout;
    }

    JsonNode systemInfo() {
        return http.getJson("/System/Info");
    }

    JsonNode virtualFolders() {
        return http.getJson("/Library/VirtualFolders");
    }

    /** Sessions seen in the last 16 minutes, as Jellyfin's own dashboard asks. */
    JsonNode sessions() {
        return http.getJson("/Sessions?activeWithinSeconds=960");
    }

    JsonNode newestItems(int limit) {
        return http.successful(http.send(UpstreamRequest.get("/Items")
                        .withQuery("SortBy", "DateCreated")
                        .withQuery("SortOrder", "Descending")
                        .withQuery("Recursive", "true")
                        .withQuery("IncludeItemTypes", "Movie,Episode,Audio")
                        .withQuery("Fields", "DateCreated")
                        .withQuery("Limit", Integer.toString(limit))
                        .withHeader("Accept", "application/json")))
                .json();
    }

    /** Queues a scan of one library (its ItemId); answers 204 at once, 404 for an unknown id. */
    void refreshItem(String itemId) {
        UpstreamResponse r = http.send(UpstreamRequest.of("POST", "/Items/" + itemId + "/Refresh")
                .withQuery("metadataRefreshMode", "Default")
                .withQuery("imageRefreshMode", "Default")
                .withQuery("replaceAllMetadata", "false")
                .withQuery("replaceAllImages", "false"));
        if (r.status() == 404) throw new MediaNotFoundException("Jellyfin has no library with id '" + itemId + "'");
        http.successful(r);
    }

    /** Tells Jellyfin a path changed; it finds the library itself and scans only there. */
    void mediaUpdated(String path) {
        http.successful(http.postJson(
                "/Library/Media/Updated", Map.of("Updates", List.of(Map.of("Path", path, "UpdateType", "Created")))));
    }

    /** Scans everything; Jellyfin awaits the whole scan before it answers 204. */
    void refreshAll() {
        http.successful(http.send(UpstreamRequest.of("POST", "/Library/Refresh").withTimeout(fullScanTimeout)));
    }
}
