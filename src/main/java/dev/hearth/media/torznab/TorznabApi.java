package dev.hearth.media.torznab;

import dev.hearth.media.ReleaseCategory;
import dev.hearth.media.ReleaseQuery;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.time.Duration;

/** The two calls Hearth makes to a Torznab endpoint; the base URL is the endpoint's root, {@code api} is below it. */
final class TorznabApi {
    private final UpstreamClient http;
    private final String apiKey;
    private final Duration searchTimeout;

    TorznabApi(UpstreamClient http, String apiKey, Duration searchTimeout) {
        this.http = http;
        this.apiKey = apiKey;
        this.searchTimeout = searchTimeout;
    }

    TorznabXml.Node caps() {
        return call(UpstreamRequest.get("api").withQuery("t", "caps"));
    }

    /** A long search that runs out is not repeated (see ProwlarrApi.search). */
    TorznabXml.Node search(ReleaseQuery query) {
        UpstreamRequest r = UpstreamRequest.get("api")
                .withQuery("t", "search")
                .withQuery("q", query.title())
                .withQuery("limit", Integer.toString(query.limit()))
                .withTimeout(searchTimeout)
                .notIdempotent();
        if (query.category() != ReleaseCategory.ANY)
            r = r.withQuery("cat", Integer.toString(query.category().id()));
        return call(r);
    }

    private TorznabXml.Node call(UpstreamRequest request) {
        UpstreamRequest r = request.withHeader("Accept", "application/rss+xml, application/xml, text/xml");
        if (!apiKey.isEmpty()) r = r.withQuery("apikey", apiKey);
        UpstreamResponse response = http.send(r);
        if (!response.isSuccess()
                && response.body().length > 0
                && response.text().contains("<error")) {
            // Jackett sends the Torznab error with a 4xx status: its code says more than the status.
            TorznabXml.parse(http.name(), response.body());
        }
        if (response.status() == 401 || response.status() == 403) {
            throw new UpstreamException.AuthFailed(http.name(), "refused the API key (HTTP " + response.status() + ")");
        }
        return TorznabXml.parse(http.name(), http.successful(response).body());
    }
}
