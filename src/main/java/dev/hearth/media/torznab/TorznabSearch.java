package dev.hearth.media.torznab;

import dev.hearth.media.Indexer;
import dev.hearth.media.IndexerIssue;
import dev.hearth.media.IndexerSearch;
import dev.hearth.media.IndexerTest;
import dev.hearth.media.MediaNotFoundException;
import dev.hearth.media.Release;
import dev.hearth.media.ReleaseQuery;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One Torznab endpoint as an {@link IndexerSearch}. The endpoint is one indexer as far as Hearth can
 * tell (Jackett's "all" aggregates several behind one feed), with the id {@value #INDEXER_ID}.
 */
final class TorznabSearch implements Integration, IndexerSearch {
    static final String INDEXER_ID = "torznab";
    private final String serviceName;
    private final TorznabApi api;
    private final Clock clock;

    TorznabSearch(String serviceName, TorznabApi api, Clock clock) {
        this.serviceName = serviceName;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Reading poll() {
        return Reading.of(HealthProbe.check(clock, () -> {
            List<TorznabXml.Node> server = TorznabXml.children(api.caps(), "server");
            String title = server.isEmpty() ? serviceName : server.getFirst().attribute("title");
            String version = server.isEmpty() ? "" : server.getFirst().attribute("version");
            return "Torznab feed " + title + (version.isEmpty() ? "" : " " + version);
        }));
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String kind() {
        return TorznabKind.ID;
    }

    @Override
    public List<Indexer> indexers() {
        TorznabXml.Node caps = api.caps();
        List<TorznabXml.Node> server = TorznabXml.children(caps, "server");
        String title = server.isEmpty() ? "" : server.getFirst().attribute("title");
        List<Integer> categories = new ArrayList<>();
        for (TorznabXml.Node list : TorznabXml.children(caps, "categories")) {
            for (TorznabXml.Node c : TorznabXml.children(list, "category"))
                categories.add(TorznabXml.parseInt(c.attribute("id")));
        }
        return List.of(new Indexer(
                INDEXER_ID, title.isEmpty() ? serviceName : title, Release.Protocol.TORRENT, true, categories));
    }

    /** Torznab has no health report of its own; a failing endpoint shows in the health check. */
    @Override
    public List<IndexerIssue> issues() {
        return List.of();
    }

    @Override
    public IndexerTest test(String indexerId) {
        if (!INDEXER_ID.equals(indexerId)) {
            throw new MediaNotFoundException(
                    "a Torznab endpoint has one indexer, '" + INDEXER_ID + "', not '" + indexerId + "'");
        }
        try {
            indexers();
            return new IndexerTest(indexerId, true, List.of());
        } catch (UpstreamException e) {
            return new IndexerTest(indexerId, false, List.of(e.getMessage()));
        }
    }

    @Override
    public List<Release> search(ReleaseQuery query) {
        TorznabXml.Node rss = api.search(query);
        List<Release> out = new ArrayList<>();
        for (TorznabXml.Node channel : TorznabXml.children(rss, "channel")) {
            for (TorznabXml.Node item : TorznabXml.children(channel, "item"))
                out.add(TorznabShapes.release(item, serviceName));
        }
        return out.stream()
                .sorted(Comparator.comparingInt(Release::seeders).reversed())
                .limit(query.limit())
                .toList();
    }
}
