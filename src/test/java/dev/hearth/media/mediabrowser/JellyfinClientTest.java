package dev.hearth.media.jellyfin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.FakeJellyfin;
import dev.hearth.media.emby.EmbyProvider;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JellyfinClientTest {

    private static IntegrationTarget target(FakeJellyfin fake, Duration timeout) {
        return new IntegrationTarget("jellyfin", URI.create(fake.baseUrl()), fake.credentials(), timeout);
    }

    private static JellyfinServer jellyfin(HttpStack http, FakeJellyfin fake, Duration timeout, Duration fullScan) {
        return JellyfinServer.connect(new JellyfinProvider(http, Clock.systemUTC()).descriptor(), http, Clock.systemUTC(),
                target(fake, timeout), JellyfinAuth.MEDIABROWSER, fullScan);
    }

    @Test
    void theKeyTravelsInTheMediaBrowserAuthorizationHeaderAlone() throws Exception {
        try (HttpStack http = Targets.stack(); FakeJellyfin fake = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_12)) {
            jellyfin(http, fake, Targets.TIMEOUT, JellyfinServer.FULL_SCAN_TIMEOUT).libraries();

            assertEquals("MediaBrowser Token=\"" + fake.credentials().get("api_key") + "\"", fake.requests.getFirst().header("Authorization"));
        }
    }

    @Test
    void embysLegacyHeaderIsRefusedByJellyfin12ButReadByOlderJellyfin() throws Exception {
        try (HttpStack http = Targets.stack(); FakeJellyfin twelve = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_12);
             FakeJellyfin older = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_10_11)) {
            EmbyProvider emby = new EmbyProvider(http, Clock.systemUTC());

            Health refused = ((Integration) emby.descriptor().factory().create(target(twelve, Targets.TIMEOUT))).checkHealth();
            Health read = ((Integration) emby.descriptor().factory().create(target(older, Targets.TIMEOUT))).checkHealth();

            assertEquals(Health.Detail.AUTH_ERROR, refused.detail(), refused.message());
            assertEquals(Health.Status.ONLINE, read.status(), read.message());
            assertEquals(fake(older), older.requests.getLast().header("X-Emby-Token"));
        }
    }

    @Test
    void aFullScanWaitsPastTheOrdinaryTimeoutButNotPastItsOwn() throws Exception {
        try (HttpStack http = Targets.stack(); FakeJellyfin fake = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_12)) {
            fake.slowRefresh(Duration.ofMillis(1500));

            long start = System.nanoTime();
            jellyfin(http, fake, Duration.ofMillis(500), Duration.ofSeconds(10)).refreshAll();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            UpstreamException e = assertThrows(UpstreamException.class,
                    () -> jellyfin(http, fake, Duration.ofMillis(500), Duration.ofMillis(800)).refreshAll());

            assertTrue(took.compareTo(Duration.ofMillis(1500)) >= 0, "it waited for the scan: " + took);
            assertInstanceOf(UpstreamException.Timeout.class, e);
            assertEquals(2, fake.requests.stream().filter(r -> r.path().equals("/Library/Refresh")).count(), "a POST is never repeated");
        }
    }

    @Test
    void oneLibraryOrOnePathIsQueuedAtOnceWithoutWaitingForAScan() throws Exception {
        try (HttpStack http = Targets.stack(); FakeJellyfin fake = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_12)) {
            JellyfinServer server = jellyfin(http, fake, Duration.ofMillis(500), Duration.ofSeconds(10));
            fake.slowRefresh(Duration.ofMillis(1500));

            server.refreshLibrary(server.libraries().getFirst().id());
            server.refreshPath("/media/movies/Dune Part Two (2024)");

            assertEquals(List.of("refresh library:Movies", "refresh path:/media/movies/Dune Part Two (2024)"), fake.received);
        }
    }

    private static String fake(FakeJellyfin f) {
        return f.credentials().get("api_key");
    }
}
