package dev.hearth.fakes.media;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Torznab endpoint, from the Torznab 1.3 specification (torznab.github.io/spec-1.3-draft) and its
 * Newznab base: {@code GET api?t=caps|search} with {@code apikey}, RSS 2.0 items with
 * {@code torznab:attr} (seeders, peers, size, category, magneturl). A wrong key answers the
 * specification's {@code <error code="100">}, with HTTP 200 as the specification shows, or with 401 as
 * Jackett and Prowlarr's own feed do ({@link Refusal}). It lives under Jackett's path, to prove the
 * client keeps a base path.
 */
public final class FakeTorznab extends FakeMediaService {
    /** How a wrong key is refused. */
    public enum Refusal {
        SPEC_ERROR_200,
        HTTP_401
    }

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz012345";
    private static final String PATH = "/api/v2.0/indexers/all/results/torznab/";
    private final Refusal refusal;

    public FakeTorznab(Refusal refusal) throws IOException {
        this.refusal = refusal;
    }

    @Override
    public String baseUrl() {
        return url() + PATH;
    }

    @Override
    public Map<String, String> credentials() {
        return Map.of("api_key", KEY);
    }

    @Override
    public Map<String, String> wrongCredentials() {
        return Map.of("api_key", "wrong-key");
    }

    @Override
    protected boolean authorised(Request r) {
        return KEY.equals(query(r).get("apikey"));
    }

    @Override
    protected Reply unauthorised(Request r) {
        String error =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"100\" description=\"Invalid API Key\" />";
        return new Reply(refusal == Refusal.HTTP_401 ? 401 : 200, "application/xml", error);
    }

    @Override
    protected Reply route(Request r) {
        if (!r.path().equals(PATH + "api")) return status(404);
        Map<String, String> q = query(r);
        return switch (q.getOrDefault("t", "")) {
            case "caps" -> xml("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <caps>
                      <server version="1.0" title="%s" strapline="Torznab feed" url="%s" />
                      <limits default="100" max="100" />
                      <searching>
                        <search available="yes" supportedParams="q" />
                        <tv-search available="yes" supportedParams="q,season,ep" />
                        <movie-search available="yes" supportedParams="q,imdbid" />
                      </searching>
                      <categories>
                        <category id="2000" name="Movies"><subcat id="2040" name="Movies/HD" /></category>
                        <category id="5000" name="TV"><subcat id="5040" name="TV/HD" /></category>
                      </categories>
                    </caps>
                    """.formatted(MediaScenario.INDEXER, url()));
            case "search" -> search(q);
            case "" ->
                xml(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"200\" description=\"Missing parameter (t)\" />");
            default ->
                xml(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error code=\"203\" description=\"Function not available\" />");
        };
    }

    private Reply search(Map<String, String> q) {
        List<String> categories =
                q.containsKey("cat") ? Arrays.asList(q.get("cat").split(",")) : List.of();
        searching();
        received.add("search " + q.getOrDefault("q", "") + " in " + categories);
        StringBuilder items = new StringBuilder();
        for (MediaScenario.Found f : Releases.matching(q.getOrDefault("q", ""), categories)) {
            String torrent = url() + "/dl/" + Math.abs(f.title().hashCode()) + ".torrent?jackett_apikey=" + KEY;
            items.append("""
                    <item>
                      <title>%s</title>
                      <guid>https://1337x.example/torrent/%d</guid>
                      <jackettindexer id="1337x">%s</jackettindexer>
                      <comments>https://1337x.example/torrent/%d</comments>
                      <pubDate>Mon, 30 Nov 2026 12:00:00 +0000</pubDate>
                      <size>%d</size>
                      <link>%s</link>
                      <category>%d</category>
                      <enclosure url="%s" length="%d" type="application/x-bittorrent" />
                      <torznab:attr name="category" value="%d" />
                      <torznab:attr name="seeders" value="%d" />
                      <torznab:attr name="peers" value="%d" />
                      %s
                    </item>
                    """.formatted(
                    f.title(),
                    Math.abs(f.title().hashCode()),
                    MediaScenario.INDEXER,
                    Math.abs(f.title().hashCode()),
                    f.size(),
                    esc(torrent),
                    f.category(),
                    esc(torrent),
                    f.size(),
                    f.category(),
                    f.seeders(),
                    f.seeders() + f.leechers(),
                    f.magnet()
                            ? "<torznab:attr name=\"magneturl\" value=\""
                                    + esc("magnet:?xt=urn:btih:" + Releases.infoHash(f) + "&dn=" + f.title()) + "\" />"
                            : ""));
        }
        return xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
                  <channel>
                    <title>%s</title>
                    %s
                  </channel>
                </rss>
                """.formatted(MediaScenario.INDEXER, items));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;");
    }

    private static Reply xml(String body) {
        return new Reply(200, "application/rss+xml; charset=utf-8", body.strip());
    }
}
