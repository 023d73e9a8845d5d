package dev.hearth.media.overseerr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaNotFoundException;
import dev.hearth.media.MediaRejectedException;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.util.Locale;

/** The calls Hearth makes to Overseerr / Seerr. */
final class OverseerrApi {
    private final UpstreamClient http;

    OverseerrApi(UpstreamClient http) {
        this.http = http;
    }

    /** Public: the version. */
    JsonNode status() {
        return http.getJson("/api/v1/status");
    }

    /** The user the key belongs to; the cheapest call that proves the key. */
    JsonNode me() {
        return http.getJson("/api/v1/auth/me");
    }

    JsonNode requests(String filter, int take, int skip) {
        return json(UpstreamRequest.get("/api/v1/request")
                .withQuery("take", Integer.toString(take))
                .withQuery("skip", Integer.toString(skip))
                .withQuery("filter", filter)
                .withQuery("sort", "added"));
    }

    JsonNode request(int id) {
        return found(
                http.send(UpstreamRequest.get("/api/v1/request/" + id).withHeader("Accept", "application/json")), id);
    }

    /** Overseerr validates the query against its OpenAPI: the stack encodes a space as %20, which it accepts. */
    JsonNode search(String query) {
        return json(
                UpstreamRequest.get("/api/v1/search").withQuery("query", query).withQuery("page", "1"));
    }

    JsonNode media(String type, long tmdbId) {
        return http.getJson("/api/v1/" + type + "/" + tmdbId);
    }

    JsonNode create(Object body) {
        UpstreamResponse r = http.postJson("/api/v1/request", body);
        if (r.status() == 400 || r.status() == 409) {
            throw new MediaRejectedException(http.name() + " refused the request: " + message(r));
        }
        return http.successful(r).json();
    }

    /** {@code decision} is approve or decline. */
    JsonNode decide(int id, String decision) {
        UpstreamResponse r = http.send(UpstreamRequest.post(
                        "/api/v1/request/" + id + "/" + decision.toLowerCase(Locale.ROOT),
                        new byte[0],
                        "application/json")
                .withHeader("Accept", "application/json"));
        return found(r, id);
    }

    private JsonNode found(UpstreamResponse r, int id) {
        if (r.status() == 404) throw new MediaNotFoundException(http.name() + " has no request with id " + id);
        return http.successful(r).json();
    }

    private JsonNode json(UpstreamRequest request) {
        return http.successful(http.send(request.withHeader("Accept", "application/json")))
                .json();
    }

    private static String message(UpstreamResponse r) {
        String m = r.body().length == 0 ? "" : r.json().path("message").asText("");
        return m.isEmpty() ? "HTTP " + r.status() : m;
    }
}
