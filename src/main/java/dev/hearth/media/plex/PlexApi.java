package dev.hearth.media.plex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaNotFoundException;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;

/**
 * The calls Hearth makes to Plex. Every answer is {@code {"MediaContainer": {...}}}; Plex leaves out a
 * child array that would be empty, so readers treat a missing {@code Directory} or {@code Metadata}
 * as none.
 */
final class PlexApi {
    private final UpstreamClient http;

    PlexApi(UpstreamClient http) {
        this.http = http;
    }

    /** The server's own description: friendlyName, version, machineIdentifier. Needs the token. */
    JsonNode server() {
        return container("/");
    }

    JsonNode sections() {
        return container("/library/sections");
    }

    JsonNode sessions() {
        return container("/status/sessions");
    }

    JsonNode recentlyAdded(int limit) {
        return http.successful(http.send(UpstreamRequest.get("/library/recentlyAdded")
                        .withQuery("X-Plex-Container-Start", "0")
                        .withQuery("X-Plex-Container-Size", Integer.toString(limit))))
                .json()
                .path("MediaContainer");
    }

    /** Plex queues the scan and answers 200 with no body at once; {@code path} limits it to one folder. */
    void refresh(String sectionKey, String path) {
        UpstreamRequest request = UpstreamRequest.get("/library/sections/" + sectionKey + "/refresh");
        if (!path.isEmpty()) request = request.withQuery("path", path);
        UpstreamResponse response = http.send(request);
        if (response.status() == 404)
            throw new MediaNotFoundException("Plex has no library section '" + sectionKey + "'");
        http.successful(response);
    }

    private JsonNode container(String path) {
        return http.getJson(path).path("MediaContainer");
    }
}
