package dev.hearth.media.prowlarr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaNotFoundException;
import dev.hearth.media.ReleaseCategory;
import dev.hearth.media.ReleaseQuery;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.time.Duration;

/** The calls Hearth makes to Prowlarr. */
final class ProwlarrApi {
    private final UpstreamClient http;
    private final Duration searchTimeout;

    ProwlarrApi(UpstreamClient http, Duration searchTimeout) {
        this.http = http;
        this.searchTimeout = searchTimeout;
    }

    JsonNode status() {
        return http.getJson("/api/v1/system/status");
    }

    JsonNode indexers() {
        return http.getJson("/api/v1/indexer");
    }

    JsonNode indexer(String id) {
        UpstreamResponse r =
                http.send(UpstreamRequest.get("/api/v1/indexer/" + id).withHeader("Accept", "application/json"));
        if (r.status() == 404) throw new MediaNotFoundException("Prowlarr has no indexer with id '" + id + "'");
        return http.successful(r).json();
    }

    JsonNode health() {
        return http.getJson("/api/v1/health");
    }

    /** Prowlarr answers 200 when the indexer works, 400 with the failures when it does not. */
    UpstreamResponse test(JsonNode indexer) {
        UpstreamResponse r = http.postJson("/api/v1/indexer/test", indexer);
        return r.status() == 400 ? r : http.successful(r);
    }

    /**
     * Prowlarr asks every indexer before it answers, so a search gets a longer timeout than a read, and is
     * not repeated when it runs out: the person waiting would wait twice as long for the same answer.
     */
    JsonNode search(ReleaseQuery query) {
        UpstreamRequest request = UpstreamRequest.get("/api/v1/search")
                .withQuery("query", query.title())
                .withQuery("type", "search")
                .withQuery("limit", Integer.toString(query.limit()))
                .withHeader("Accept", "application/json")
                .withTimeout(searchTimeout)
                .notIdempotent();
        if (query.category() != ReleaseCategory.ANY)
            request = request.withQuery(
                    "categories", Integer.toString(query.category().id()));
        return http.successful(http.send(request)).json();
    }
}
