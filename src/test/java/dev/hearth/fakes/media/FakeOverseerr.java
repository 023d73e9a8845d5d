package dev.hearth.fakes.media;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Overseerr / Seerr API v1, from its OpenAPI document (overseerr.dev api-docs, seerr's overseerr-api.yml):
 * {@code X-Api-Key} of the admin, else 403 "You do not have permission to access this endpoint";
 * {@code /status} public; requests with numbered statuses (request 1 pending, 2 approved, 3 declined;
 * media 1–5); a request by the admin key is approved at once; a second request for the same media is
 * 409; the query is checked against the OpenAPI document, so a {@code +} for a space is refused (400).
 */
public final class FakeOverseerr extends FakeMediaService {
    private static final String KEY = "MTczMzAwMDAwMDAwMGM0ZjQ2YjQtOGQ1Zi00YjA1LWE3ZTAtOTcxYjAzMjM4YjE1";
    private final Map<Integer, Map<String, Object>> mediaRequests = new ConcurrentSkipListMap<>();

    public FakeOverseerr() throws IOException {
        mediaRequests.put(1, request(1, 1, "movie", 693134, 2, "alice", List.of()));
        mediaRequests.put(2, request(2, 2, "tv", 95396, 3, "bob", List.of(2)));
    }

    @Override
    public Map<String, String> credentials() {
        return Map.of("api_key", KEY);
    }

    @Override
    public Map<String, String> wrongCredentials() {
        return Map.of("api_key", "bm90LXRoZS1rZXk=");
    }

    @Override
    protected boolean isPublic(Request r) {
        return r.path().equals("/api/v1/status") || r.path().equals("/api/v1/settings/public");
    }

    @Override
    protected boolean authorised(Request r) {
        return KEY.equals(r.header("X-Api-Key"));
    }

    @Override
    protected Reply unauthorised(Request r) {
        return Reply.json(403, obj("status", 403, "error", "You do not have permission to access this endpoint"));
    }

    @Override
    protected synchronized Reply route(Request r) {
        String p = r.path();
        boolean get = r.method().equals("GET");
        if (p.equals("/api/v1/status"))
            return json(obj(
                    "version",
                    "1.33.2",
                    "commitTag",
                    "v1.33.2",
                    "updateAvailable",
                    false,
                    "commitsBehind",
                    0,
                    "restartRequired",
                    false));
        if (get && p.equals("/api/v1/auth/me"))
            return json(obj(
                    "id",
                    1,
                    "email",
                    "admin@example.org",
                    "displayName",
                    "admin",
                    "permissions",
                    2,
                    "userType",
                    1,
                    "requestCount",
                    2));
        if (get && p.equals("/api/v1/request")) return list(query(r));
        if (r.method().equals("POST") && p.equals("/api/v1/request")) return create(r.json());
        if (p.startsWith("/api/v1/request/"))
            return one(r, p.substring("/api/v1/request/".length()).split("/"));
        if (get && p.startsWith("/api/v1/movie/")) return media("movie", p.substring("/api/v1/movie/".length()));
        if (get && p.startsWith("/api/v1/tv/")) return media("tv", p.substring("/api/v1/tv/".length()));
        if (get && p.equals("/api/v1/search")) return search(r);
        return Reply.json(404, obj("message", "Not Found"));
    }

    private Reply list(Map<String, String> q) {
        int take = Integer.parseInt(q.getOrDefault("take", "10"));
        int skip = Integer.parseInt(q.getOrDefault("skip", "0"));
        String filter = q.getOrDefault("filter", "all");
        List<Map<String, Object>> matching = mediaRequests.values().stream()
                .filter(m -> switch (filter) {
                    case "pending" -> m.get("status").equals(1);
                    case "approved" -> m.get("status").equals(2);
                    case "processing" ->
                        ((Map<?, ?>) m.get("media")).get("status").equals(3);
                    case "available" ->
                        ((Map<?, ?>) m.get("media")).get("status").equals(5);
                    default -> true;
                })
                .toList();
        List<Map<String, Object>> page =
                matching.subList(Math.min(skip, matching.size()), Math.min(skip + take, matching.size()));
        return json(obj(
                "pageInfo",
                obj(
                        "pages",
                        (matching.size() + take - 1) / take,
                        "pageSize",
                        take,
                        "results",
                        matching.size(),
                        "page",
                        skip / take + 1),
                "results",
                page));
    }

    private Reply one(Request r, String[] rest) {
        Map<String, Object> req = mediaRequests.get(Integer.parseInt(rest[0]));
        if (req == null) return Reply.json(404, obj("message", "Request not found."));
        if (rest.length == 2 && r.method().equals("POST")) {
            switch (rest[1]) {
                case "approve" -> req.put("status", 2);
                case "decline" -> req.put("status", 3);
                default -> {
                    return Reply.json(404, obj("message", "Not Found"));
                }
            }
            received.add(rest[1] + " " + rest[0]);
        }
        return json(req);
    }

    private Reply create(JsonNode body) {
        long tmdb = body.path("mediaId").asLong();
        String type = body.path("mediaType").asText();
        boolean exists = mediaRequests.values().stream()
                .anyMatch(m -> ((Map<?, ?>) m.get("media")).get("tmdbId").equals(tmdb)
                        && !m.get("status").equals(3));
        if (exists) return Reply.json(409, obj("message", "Request for this media already exists."));
        List<Integer> seasons = new ArrayList<>();
        body.path("seasons").forEach(s -> seasons.add(s.asInt()));
        int id = mediaRequests.size() + 1;
        mediaRequests.put(id, request(id, 2, type, tmdb, 3, "admin", seasons));
        received.add("request " + type + " " + tmdb
                + (body.path("seasons").isTextual()
                        ? " seasons " + body.path("seasons").asText()
                        : " seasons " + seasons));
        return Reply.json(201, mediaRequests.get(id));
    }

    private Reply media(String type, String id) {
        String title = switch (id) {
            case "693134" -> "Dune: Part Two";
            case "95396" -> "Severance";
            case "27205" -> "Inception";
            default -> null;
        };
        if (title == null)
            return Reply.json(
                    404, obj("message", "Unable to retrieve " + (type.equals("tv") ? "series" : "movie") + "."));
        return json(
                type.equals("tv")
                        ? obj("id", Long.parseLong(id), "name", title, "firstAirDate", "2022-02-17")
                        : obj("id", Long.parseLong(id), "title", title, "releaseDate", "2024-02-27"));
    }

    private Reply search(Request r) {
        if (r.query() != null && r.query().contains("+")) {
            return Reply.json(
                    400,
                    obj("message", "request.query.query should match format \"uri-component\"", "errors", List.of()));
        }
        String q = query(r).getOrDefault("query", "").toLowerCase();
        List<Object> results = new ArrayList<>();
        if ("dune: part two".contains(q) || q.contains("dune")) {
            results.add(obj(
                    "id",
                    693134,
                    "mediaType",
                    "movie",
                    "title",
                    "Dune: Part Two",
                    "releaseDate",
                    "2024-02-27",
                    "mediaInfo",
                    obj("status", 2)));
            results.add(obj("id", 1190, "mediaType", "person", "name", "Denis Villeneuve"));
            results.add(obj("id", 90228, "mediaType", "tv", "name", "Dune: Prophecy", "firstAirDate", "2024-11-17"));
        }
        return json(obj("page", 1, "totalPages", 1, "totalResults", results.size(), "results", results));
    }

    private static Map<String, Object> request(
            int id, int status, String type, long tmdb, int mediaStatus, String by, List<Integer> seasons) {
        return obj(
                "id",
                id,
                "status",
                status,
                "createdAt",
                "2026-11-2" + id + "T09:00:00.000Z",
                "updatedAt",
                "2026-11-2" + id + "T09:00:00.000Z",
                "type",
                type,
                "is4k",
                false,
                "serverId",
                0,
                "profileId",
                4,
                "rootFolder",
                type.equals("tv") ? "/media/tv" : "/media/movies",
                "media",
                obj(
                        "id",
                        10 + id,
                        "mediaType",
                        type,
                        "tmdbId",
                        tmdb,
                        "tvdbId",
                        type.equals("tv") ? 371980 : null,
                        "status",
                        mediaStatus,
                        "status4k",
                        1),
                "seasons",
                seasons.stream()
                        .map(s -> obj("id", s, "seasonNumber", s, "status", 2))
                        .toList(),
                "requestedBy",
                obj("id", by.equals("admin") ? 1 : 2, "displayName", by, "email", by + "@example.org"),
                "modifiedBy",
                null);
    }
}
