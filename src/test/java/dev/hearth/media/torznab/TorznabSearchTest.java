package dev.hearth.media.torznab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.FakeTorznab;
import dev.hearth.media.IndexerSearch;
import dev.hearth.media.Release;
import dev.hearth.media.ReleaseCategory;
import dev.hearth.media.ReleaseQuery;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.Integration;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TorznabSearchTest {

    private static Integration torznab(HttpStack http, FakeTorznab fake, Map<String, String> credentials) {
        return Targets.create(http, "torznab", "jackett", URI.create(fake.baseUrl()), credentials);
    }

    @Test
    void aKeyRefusedWith401IsAnAuthErrorToo() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeTorznab fake = new FakeTorznab(FakeTorznab.Refusal.HTTP_401)) {
            Health h = torznab(http, fake, fake.wrongCredentials()).poll().health();

            assertEquals(Health.Detail.AUTH_ERROR, h.detail(), h.message());
            assertTrue(
                    h.message().contains("Torznab error 100"),
                    "the error element says more than the status: " + h.message());
        }
    }

    @Test
    void theKeyRidesInTheQueryUnderTheEndpointsOwnPath() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeTorznab fake = new FakeTorznab(FakeTorznab.Refusal.SPEC_ERROR_200)) {
            ((IndexerSearch) torznab(http, fake, fake.credentials()))
                    .search(new ReleaseQuery("Inception", ReleaseCategory.MOVIES, 5));

            var r = fake.requests.getLast();
            assertEquals("/api/v2.0/indexers/all/results/torznab/api", r.path());
            assertTrue(r.query().contains("apikey=" + fake.credentials().get("api_key")));
            assertTrue(
                    r.query().contains("t=search")
                            && r.query().contains("q=Inception")
                            && r.query().contains("cat=2000"),
                    r.query());
        }
    }

    @Test
    void aResultCarriesTheMagnetWhenThereIsOneElseTheTorrentUrlAndItsDate() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeTorznab fake = new FakeTorznab(FakeTorznab.Refusal.SPEC_ERROR_200)) {
            var found = ((IndexerSearch) torznab(http, fake, fake.credentials()))
                    .search(new ReleaseQuery("Inception", ReleaseCategory.ANY, 5));

            Release magnet = found.get(0);
            Release file = found.get(1);
            assertTrue(
                    magnet.link().startsWith("magnet:?xt=urn:btih:")
                            && magnet.link().contains("&dn="),
                    magnet.link());
            assertTrue(
                    file.link().startsWith(fake.url() + "/dl/") && file.link().contains("jackett_apikey="),
                    file.link());
            assertEquals(Instant.parse("2026-11-30T12:00:00Z"), file.published());
        }
    }

    @Test
    void anErrorOtherThanCredentialsIsAFailedCallNamingIt() {
        byte[] body = "<?xml version=\"1.0\"?><error code=\"203\" description=\"Function not available\"/>"
                .getBytes(StandardCharsets.UTF_8);

        UpstreamException.HttpStatus e =
                assertThrows(UpstreamException.HttpStatus.class, () -> TorznabXml.parse("jackett", body));

        assertTrue(e.getMessage().contains("203") && e.getMessage().contains("Function not available"), e.getMessage());
    }

    @Test
    void aDocumentWithADoctypeIsRefusedSoNoEntityIsEverExpanded() {
        byte[] body = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><title>&x;</title></item></channel></rss>
                """.getBytes(StandardCharsets.UTF_8);

        assertThrows(UpstreamException.BadResponse.class, () -> TorznabXml.parse("jackett", body));
    }

    @Test
    void anInternalEntityIsRefusedTooSoNothingCanBeBlownUp() {
        byte[] body = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <rss><channel><item><title>&b;</title></item></channel></rss>
                """.getBytes(StandardCharsets.UTF_8);

        UpstreamException.BadResponse e =
                assertThrows(UpstreamException.BadResponse.class, () -> TorznabXml.parse("jackett", body));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void textAndNamespacedAttributesAreReadFromTheStream() {
        byte[] body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed">
                  <channel><item><title><![CDATA[Arrival 2016 & more]]></title>
                    <torznab:attr name="seeders" value="12"/><attr name="seeders" value="99"/></item></channel>
                </rss>
                """.getBytes(StandardCharsets.UTF_8);

        TorznabXml.Node item = TorznabXml.children(
                        TorznabXml.children(TorznabXml.parse("jackett", body), "channel")
                                .getFirst(),
                        "item")
                .getFirst();

        assertEquals("Arrival 2016 & more", TorznabXml.childText(item, "title"));
        List<TorznabXml.Node> attrs = TorznabXml.children(item, "attr");
        assertEquals(TorznabXml.TORZNAB_NS, attrs.get(0).namespace());
        assertEquals("12", attrs.get(0).attribute("value"));
        assertEquals(
                "", attrs.get(1).namespace(), "an attr outside the Torznab namespace is not one of its attributes");
    }
}
