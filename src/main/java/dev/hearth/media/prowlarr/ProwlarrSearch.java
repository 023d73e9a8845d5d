package dev.hearth.media.prowlarr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.Indexer;
import dev.hearth.media.IndexerIssue;
import dev.hearth.media.IndexerSearch;
import dev.hearth.media.IndexerTest;
import dev.hearth.media.Release;
import dev.hearth.media.ReleaseQuery;
import dev.hearth.media.clients.Json;
import dev.hearth.platform.http.UpstreamResponse;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Prowlarr as an {@link IndexerSearch}. */
final class ProwlarrSearch implements Integration, IndexerSearch {
    private final String serviceName;
    private final ProwlarrApi api;
    private final Clock clock;

    ProwlarrSearch(String serviceName, ProwlarrApi api, Clock clock) {
        this.serviceName = serviceName;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Reading poll() {
        return Reading.of(HealthProbe.check(clock, () -> {
            JsonNode s = api.status();
            return Json.text(s, "appName") + " " + Json.text(s, "version");
        }));
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String kind() {
        return ProwlarrKind.ID;
    }

    @Override
    public List<Indexer> indexers() {
        return Json.list(
                api.indexers(),
                i -> new Indexer(
                        Json.text(i, "id"),
                        Json.text(i, "name"),
                        protocol(i),
                        Json.bool(i, "enable"),
                        Json.list(i.path("capabilities"), "categories", c -> Json.integer(c, "id"))));
    }

    /** Prowlarr lists every check, "ok" ones too on some versions; only problems are issues. */
    @Override
    public List<IndexerIssue> issues() {
        return Json.list(
                        api.health(),
                        h -> new IndexerIssue(Json.text(h, "type"), Json.text(h, "source"), Json.text(h, "message")))
                .stream()
                .filter(i -> i.level().equals("warning") || i.level().equals("error"))
                .toList();
    }

    @Override
    public IndexerTest test(String indexerId) {
        UpstreamResponse r = api.test(api.indexer(indexerId));
        if (r.isSuccess()) return new IndexerTest(indexerId, true, List.of());
        List<String> failures = new ArrayList<>();
        r.json().forEach(f -> failures.add(f.path("errorMessage").asText()));
        return new IndexerTest(indexerId, false, failures);
    }

    @Override
    public List<Release> search(ReleaseQuery query) {
        return Json.list(api.search(query), ProwlarrSearch::release).stream()
                .sorted(Comparator.comparingInt(Release::seeders).reversed())
                .limit(query.limit())
                .toList();
    }

    private static Release release(JsonNode r) {
        String magnet = Json.text(r, "magnetUrl");
        return new Release(
                Json.text(r, "title"),
                Json.text(r, "indexer"),
                Json.number(r, "size"),
                Json.integer(r, "seeders"),
                Json.integer(r, "leechers"),
                magnet.isEmpty() ? Json.text(r, "downloadUrl") : magnet,
                Json.textOrNull(r, "infoUrl"),
                Json.list(r, "categories", c -> Json.integer(c, "id")),
                Json.instant(r, "publishDate"),
                protocol(r));
    }

    private static Release.Protocol protocol(JsonNode n) {
        return "usenet".equals(Json.text(n, "protocol")) ? Release.Protocol.USENET : Release.Protocol.TORRENT;
    }
}
