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
}
