package dev.hearth.media.arr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaNotFoundException;
import dev.hearth.media.MediaRejectedException;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls to an *arr app. {@code resource} is {@code series} (Sonarr) or {@code movie} (Radarr) on API v3,
 * {@code artist} (Lidarr) or {@code author} (Readarr) on API v1; {@code include} is the flag that embeds it in
 * queue, calendar and history records. Both API versions share every path and paging convention used here.
 */
public final class ArrApi {
    private final UpstreamClient http;
    private final String base;
    private final String resource;
    private final String include;

    private ArrApi(UpstreamClient http, String base, String resource, String include) {
        this.http = http;
        this.base = base;
        this.resource = resource;
        this.include = include;
    }

    /** Sonarr and Radarr: {@code /api/v3}. */
    public static ArrApi v3(UpstreamClient http, String resource, String include) {
        return new ArrApi(http, "/api/v3/", resource, include);
    }

    /** Lidarr and Readarr: {@code /api/v1}. */
    public static ArrApi v1(UpstreamClient http, String resource, String include) {
        return new ArrApi(http, "/api/v1/", resource, include);
    }

    public JsonNode status() {
        return http.getJson(base + "system/status");
    }

    public JsonNode get(String path) {
        return http.getJson(base + path);
    }

    public JsonNode titles() {
        return get(resource);
    }

    /** One title, or {@link MediaNotFoundException}. */
    public JsonNode title(int id) {
        UpstreamResponse r =
                http.send(UpstreamRequest.get(base + resource + "/" + id).withHeader("Accept", "application/json"));
        if (r.status() == 404) throw new MediaNotFoundException(http.name() + " has no " + resource + " with id " + id);
        return http.successful(r).json();
    }

    public JsonNode lookup(String term) {
        return http.successful(http.send(UpstreamRequest.get(base + resource + "/lookup")
                        .withQuery("term", term)
                        .withHeader("Accept", "application/json")))
                .json();
    }

    public JsonNode add(Object body) {
        return accepted(http.postJson(base + resource, body));
    }

    public JsonNode queue(int pageSize) {
        return http.successful(http.send(UpstreamRequest.get(base + "queue")
                        .withQuery("page", "1")
                        .withQuery("pageSize", Integer.toString(pageSize))
                        .withQuery(include, "true")
                        .withHeader("Accept", "application/json")))
                .json();
    }

    public JsonNode calendar(LocalDate from, LocalDate to) {
        return http.successful(http.send(UpstreamRequest.get(base + "calendar")
                        .withQuery("start", from.toString())
                        .withQuery("end", to.toString())
                        .withQuery("unmonitored", "true")
                        .withQuery(include, "true")
                        .withHeader("Accept", "application/json")))
                .json();
    }

    public JsonNode history(int pageSize) {
        return http.successful(http.send(UpstreamRequest.get(base + "history")
                        .withQuery("page", "1")
                        .withQuery("pageSize", Integer.toString(pageSize))
                        .withQuery("sortKey", "date")
                        .withQuery("sortDirection", "descending")
                        .withQuery(include, "true")
                        .withHeader("Accept", "application/json")))
                .json();
    }

    /** Queues a command; never retried, since the app would run it twice. */
    public JsonNode command(Object body) {
        return accepted(http.postJson(base + "command", body));
    }

    /** 2xx, or the app's validation failures ({@code [{propertyName, errorMessage}]}) as a refusal. */
    private JsonNode accepted(UpstreamResponse r) {
        if (r.status() == 400) {
            JsonNode failures = r.json();
            List<String> reasons = new ArrayList<>();
            if (failures.isArray())
                failures.forEach(f -> reasons.add(f.path("errorMessage").asText()));
            else reasons.add(failures.path("message").asText(r.text()));
            throw new MediaRejectedException(http.name() + " refused it: " + String.join("; ", reasons));
        }
        return http.successful(r).json();
    }
}
