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
 * The calls to a v3 *arr app. {@code resource} is {@code series} (Sonarr) or {@code movie} (Radarr);
 * {@code include} is the flag that embeds it in queue, calendar and history records.
 */
public final class ArrApi {
    private static final String BASE = "/api/v3/";
    private final UpstreamClient http;
    private final String resource;
    private final String include;

    public ArrApi(UpstreamClient http, String resource, String include) {
        this.http = http;
        this.resource = resource;
        this.include = include;
    }

    public JsonNode status() {
        return http.getJson(BASE + "system/status");
    }

    public JsonNode get(String path) {
        return http.getJson(BASE + path);
    }

    public JsonNode titles() {
        return get(resource);
    }

    /** One title, or {@link MediaNotFoundException}. */
    public JsonNode title(int id) {
        UpstreamResponse r =
                http.send(UpstreamRequest.get(BASE + resource + "/" + id).withHeader("Accept", "application/json"));
        if (r.status() == 404) throw new MediaNotFoundException(http.name() + " has no " + resource + " with id " + id);
        return http.successful(r).json();
    }

    public JsonNode lookup(String term) {
        return http.successful(http.send(UpstreamRequest.get(BASE + resource + "/lookup")
                        .withQuery("term", term)
                        .withHeader("Accept", "application/json")))
                .json();
    }

    public JsonNode add(Object body) {
        return accepted(http.postJson(BASE + resource, body));
    }

    public JsonNode queue(int pageSize) {
        return http.successful(http.send(UpstreamRequest.get(BASE + "queue")
                        .withQuery("page", "1")
                        .withQuery("pageSize", Integer.toString(pageSize))
                        .withQuery(include, "true")
                        .withHeader("Accept", "application/json")))
                .json();
    }

    public JsonNode calendar(LocalDate from, LocalDate to) {
        return http.successful(http.send(UpstreamRequest.get(BASE + "calendar")
                        .withQuery("start", from.toString())
                        .withQuery("end", to.toString())
                        .withQuery("unmonitored", "true")
                        .withQuery(include, "true")
                        .withHeader("Accept", "application/json")))
                .json();
    }

    public JsonNode history(int pageSize) {
        return http.successful(http.send(UpstreamRequest.get(BASE + "history")
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
        return accepted(http.postJson(BASE + "command", body));
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
