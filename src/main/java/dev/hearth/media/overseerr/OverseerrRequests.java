package dev.hearth.media.overseerr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaRequest;
import dev.hearth.media.NewRequest;
import dev.hearth.media.RequestCandidate;
import dev.hearth.media.RequestFilter;
import dev.hearth.media.RequestManager;
import dev.hearth.media.RequestPage;
import dev.hearth.media.RequestedMedia;
import dev.hearth.media.clients.Json;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Overseerr (or Seerr, Jellyseerr) as a {@link RequestManager}. A request names its media by TMDB id
 * only, so titles are asked for once each and remembered (a bounded map: titles do not change).
 */
final class OverseerrRequests implements Integration, RequestManager {
    private static final int TITLES_KEPT = 500;
    private final String serviceName;
    private final OverseerrApi api;
    private final Clock clock;
    private final Map<String, String> titles = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > TITLES_KEPT;
        }
    };

    OverseerrRequests(String serviceName, OverseerrApi api, Clock clock) {
        this.serviceName = serviceName;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Reading poll() {
        return Reading.of(HealthProbe.check(clock, () -> {
            JsonNode me = api.me();
            return "Overseerr " + Json.text(api.status(), "version") + " (key of " + Json.text(me, "displayName") + ")";
        }));
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String kind() {
        return OverseerrKind.ID;
    }

    @Override
    public RequestPage requests(RequestFilter filter, int limit, int offset) {
        JsonNode page = api.requests(filter.name().toLowerCase(Locale.ROOT), limit, offset);
        return new RequestPage(
                Json.list(page, "results", this::request), Json.integer(page.path("pageInfo"), "results"));
    }

    @Override
    public MediaRequest request(int id) {
        return request(api.request(id));
    }

    @Override
    public List<RequestCandidate> search(String title) {
        return Json.list(api.search(title), "results", r -> r).stream()
                .filter(r -> !"person".equals(Json.text(r, "mediaType")))
                .map(OverseerrShapes::candidate)
                .toList();
    }

    @Override
    public MediaRequest create(NewRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mediaType", request.media() == RequestedMedia.TV ? "tv" : "movie");
        body.put("mediaId", request.tmdbId());
        body.put("is4k", request.is4k());
        if (request.media() == RequestedMedia.TV)
            body.put("seasons", request.seasons().isEmpty() ? "all" : request.seasons());
        return request(api.create(body));
    }

    @Override
    public MediaRequest approve(int id) {
        return request(api.decide(id, "approve"));
    }

    @Override
    public MediaRequest decline(int id) {
        return request(api.decide(id, "decline"));
    }

    private MediaRequest request(JsonNode r) {
        JsonNode media = r.path("media");
        String type = "tv".equals(Json.text(media, "mediaType")) ? "tv" : "movie";
        return OverseerrShapes.request(r, title(type, Json.number(media, "tmdbId")));
    }

    /** The title, or "TMDB 603" when Overseerr cannot say (TMDB unreachable from it): a list still shows. */
    private String title(String type, long tmdbId) {
        String cacheKey = type + ":" + tmdbId;
        synchronized (titles) {
            String known = titles.get(cacheKey);
            if (known != null) return known;
        }
        try {
            JsonNode m = api.media(type, tmdbId);
            String title = Json.text(m, type.equals("tv") ? "name" : "title");
            if (title.isEmpty()) return "TMDB " + tmdbId;
            synchronized (titles) {
                titles.put(cacheKey, title);
            }
            return title;
        } catch (UpstreamException.HttpStatus e) {
            return "TMDB " + tmdbId;
        }
    }
}
