package dev.hearth.fakes.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prowlarr API v1, from its OpenAPI document (prowlarr.com/docs/api): {@code X-Api-Key} header or
 * {@code apikey} query, else 401; indexers with their capabilities' categories; health checks as
 * {@code [{source, type, message, wikiUrl}]}; {@code POST /api/v1/indexer/test} 200 when the indexer
 * answers, else 400 with the validation failures; search results with Prowlarr's own download links,
 * which carry its API key.
 */
public final class FakeProwlarr extends ArrDouble {
    public FakeProwlarr() throws IOException {
        super("fedcba9876543210fedcba9876543210");
    }

    @Override
    protected Reply route(Request r) {
        String p = r.path();
        boolean get = r.method().equals("GET");
        if (p.equals("/ping")) return json(obj("status", "OK"));
        if (get && p.equals("/api/v1/system/status"))
            return json(
                    obj("appName", "Prowlarr", "instanceName", "Prowlarr", "version", "1.28.2.4885", "urlBase", ""));
        if (get && p.equals("/api/v1/indexer")) return json(List.of(indexer(1), indexer(2)));
        if (get && p.startsWith("/api/v1/indexer/")) {
            String id = p.substring("/api/v1/indexer/".length());
            return id.equals("1") || id.equals("2")
                    ? json(indexer(Integer.parseInt(id)))
                    : Reply.json(404, obj("message", "NotFound"));
        }
        if (r.method().equals("POST") && p.equals("/api/v1/indexer/test")) {
            int id = r.json().path("id").asInt();
            received.add("test " + id);
            return id == 1
                    ? status(200)
                    : Reply.json(
                            400,
                            List.of(obj(
                                    "propertyName",
                                    "",
                                    "errorMessage",
                                    "Unable to connect to indexer, check the log above the ValidationFailure for more details",
                                    "severity",
                                    "error")));
        }
        if (get && p.equals("/api/v1/health"))
            return json(List.of(
                    obj(
                            "source",
                            "IndexerStatusCheck",
                            "type",
                            "warning",
                            "message",
                            "Indexers unavailable due to failures: NZBgeek",
                            "wikiUrl",
                            "https://wiki.servarr.com/prowlarr/system#indexers-are-unavailable-due-to-failures"),
                    obj(
                            "source",
                            "UpdateCheck",
                            "type",
                            "notice",
                            "message",
                            "New update is available",
                            "wikiUrl",
                            "")));
        if (get && p.equals("/api/v1/search")) return search(query(r));
        return status(404);
    }

    private Reply search(Map<String, String> q) {
        List<String> categories =
                q.containsKey("categories") ? Arrays.asList(q.get("categories").split(",")) : List.of();
        searching();
        received.add("search " + q.getOrDefault("query", "") + " in " + categories);
        List<Object> out = new ArrayList<>();
        for (MediaScenario.Found f : Releases.matching(q.getOrDefault("query", ""), categories)) {
            Map<String, Object> m = obj(
                    "guid",
                    "https://1337x.example/torrent/" + Math.abs(f.title().hashCode()),
                    "age",
                    3,
                    "size",
                    f.size(),
                    "indexerId",
                    1,
                    "indexer",
                    MediaScenario.INDEXER,
                    "title",
                    f.title(),
                    "sortTitle",
                    f.title().toLowerCase(),
                    "seeders",
                    f.seeders(),
                    "leechers",
                    f.leechers(),
                    "protocol",
                    "torrent",
                    "publishDate",
                    "2026-11-30T12:00:00Z",
                    "infoUrl",
                    "https://1337x.example/torrent/" + Math.abs(f.title().hashCode()),
                    "downloadUrl",
                    url() + "/1/download?apikey=" + key() + "&link=abc",
                    "categories",
                    List.of(obj("id", f.category(), "name", "Movies/HD")));
            if (f.magnet()) m.put("magnetUrl", "magnet:?xt=urn:btih:" + Releases.infoHash(f) + "&dn=" + f.title());
            out.add(m);
        }
        return json(out);
    }

    private static Map<String, Object> indexer(int id) {
        boolean first = id == 1;
        return obj(
                "id",
                id,
                "name",
                first ? MediaScenario.INDEXER : "NZBgeek",
                "protocol",
                first ? "torrent" : "usenet",
                "enable",
                first,
                "priority",
                25,
                "implementation",
                first ? "Cardigann" : "Newznab",
                "fields",
                List.of(),
                "capabilities",
                obj(
                        "categories",
                        List.of(
                                obj("id", 2000, "name", "Movies", "subCategories", List.of()),
                                obj("id", 5000, "name", "TV", "subCategories", List.of()))));
    }
}
