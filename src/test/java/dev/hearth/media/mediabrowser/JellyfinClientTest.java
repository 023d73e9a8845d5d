package dev.hearth.media.mediabrowser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.FakeJellyfin;
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

    /** The settings the jellyfin kind binds; here the client is made directly, to give it its own full-scan timeout. */
    private record Key(String apiKey) {}

    private static IntegrationTarget<Key> target(FakeJellyfin fake, Duration timeout) {
        return new IntegrationTarget<>(
                "jellyfin",
                URI.create(fake.baseUrl()),
                new Key(fake.credentials().get("api_key")),
                timeout);
    }

    private static JellyfinServer jellyfin(HttpStack http, FakeJellyfin fake, Duration timeout, Duration fullScan) {
        IntegrationTarget<Key> target = target(fake, timeout);
        return JellyfinServer.connect(
                "jellyfin",
                "Jellyfin",
                http,
                Clock.systemUTC(),
                target,
                target.settings().apiKey(),
                JellyfinAuth.MEDIABROWSER,
                fullScan);
    }

    /** The emby kind, made by the registry as the application makes it. */
    private static Integration emby(HttpStack http, FakeJellyfin fake) {
        return Targets.create(http, "emby", "emby", URI.create(fake.baseUrl()), fake.credentials());
    }

    @Test
    void theKeyTravelsInTheMediaBrowserAuthorizationHeaderAlone() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeJellyfin fake = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_12)) {
            jellyfin(http, fake, Targets.TIMEOUT, JellyfinServer.FULL_SCAN_TIMEOUT)
                    .libraries();

            assertEquals(
                    "MediaBrowser Token=\"" + fake.credentials().get("api_key") + "\"",
                    fake.requests.getFirst().header("Authorization"));
        }
    }

    @Test
    void embysLegacyHeaderIsRefusedByJellyfin12ButReadByOlderJellyfin() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeJellyfin twelve = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_12);
                FakeJellyfin older = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_10_11)) {
            Health refused = emby(http, twelve).poll().health();
            Health read = emby(http, older).poll().health();

            assertEquals(Health.Detail.AUTH_ERROR, refused.detail(), refused.message());
            assertEquals(Health.Status.ONLINE, read.status(), read.message());
            assertEquals(fake(older), older.requests.getLast().header("X-Emby-Token"));
        }
    }

    @Test
    void aFullScanWaitsPastTheOrdinaryTimeoutButNotPastItsOwn() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeJellyfin fake = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_12)) {
            fake.slowRefresh(Duration.ofMillis(1500));

            long start = System.nanoTime();
            jellyfin(http, fake, Duration.ofMillis(500), Duration.ofSeconds(10)).refreshAll();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            UpstreamException e = assertThrows(
                    UpstreamException.class,
                    () -> jellyfin(http, fake, Duration.ofMillis(500), Duration.ofMillis(800))
                            .refreshAll());

            assertTrue(took.compareTo(Duration.ofMillis(1500)) >= 0, "it waited for the scan: " + took);
            assertInstanceOf(UpstreamException.Timeout.class, e);
            assertEquals(
                    2,
                    fake.requests.stream()
                            .filter(r -> r.path().equals("/Library/Refresh"))
                            .count(),
                    "a POST is never repeated");
        }
    }

    @Test
    void oneLibraryOrOnePathIsQueuedAtOnceWithoutWaitingForAScan() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeJellyfin fake = new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_12)) {
            JellyfinServer server = jellyfin(http, fake, Duration.ofMillis(500), Duration.ofSeconds(10));
            fake.slowRefresh(Duration.ofMillis(1500));

            server.refreshLibrary(server.libraries().getFirst().id());
            server.refreshPath("/media/movies/Dune Part Two (2024)");

            assertEquals(
                    List.of("refresh library:Movies", "refresh path:/media/movies/Dune Part Two (2024)"),
                    fake.received);
        }
    }

    private static String fake(FakeJellyfin f) {
        return f.credentials().get("api_key");
    }
}
