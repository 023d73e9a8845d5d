package dev.hearth.media.tautulli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.FakeTautulli;
import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.media.Activity;
import dev.hearth.media.LibraryKind;
import dev.hearth.media.LibraryStats;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaStats;
import dev.hearth.media.MediaUser;
import dev.hearth.media.PlayRecord;
import dev.hearth.media.Stream;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.Integration;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TautulliStatsTest {

    private static Integration tautulli(HttpStack http, FakeTautulli fake, Map<String, String> credentials) {
        return Targets.create(http, "tautulli", "tautulli", URI.create(fake.baseUrl()), credentials);
    }

    @Test
    void activityCountsStreamsTranscodesAndBandwidthFromStringNumbers() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeTautulli fake = new FakeTautulli()) {
            Activity a = ((MediaStats) tautulli(http, fake, fake.credentials())).activity();

            assertEquals(2, a.streamCount());
            assertEquals(1, a.transcodes());
            assertEquals(1, a.directPlays());
            assertEquals(22000, a.bandwidthKbps());
            MediaScenario.Playing bob = MediaScenario.PLAYING.get(1);
            assertEquals(
                    new Stream(
                            bob.sessionId(),
                            bob.user(),
                            bob.item(),
                            bob.state(),
                            bob.player(),
                            bob.position(),
                            bob.duration(),
                            false),
                    a.streams().get(1));
        }
    }

    @Test
    void historyLibrariesAndUsersMap() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeTautulli fake = new FakeTautulli()) {
            MediaStats stats = (MediaStats) tautulli(http, fake, fake.credentials());

            MediaStats.PlayPage page = stats.history(1, 0);
            List<PlayRecord> history = page.plays();

            assertEquals(
                    List.of(new PlayRecord(
                            Instant.ofEpochSecond(1764756000),
                            "Alice",
                            MediaItem.movie("Inception", 2010),
                            Duration.ofHours(2),
                            81,
                            "Living Room TV")),
                    history);
            assertTrue(fake.requests.getLast().query().contains("length=1"));
            assertEquals(2, page.total(), "every play counts, not only the page's");
            assertEquals("Bob", stats.history(1, 1).plays().getFirst().user(), "the next page starts at start=1");
            assertEquals(
                    List.of(
                            new LibraryStats("1", "Movies", LibraryKind.MOVIES, 1234, 0),
                            new LibraryStats("2", "TV Shows", LibraryKind.SHOWS, 56, 4500)),
                    stats.libraries());
            assertEquals(
                    List.of(new MediaUser("1001", "alice", "Alice", true), new MediaUser("1002", "bob", "Bob", false)),
                    stats.users());
        }
    }

    @Test
    void aWrongKeyIsAnAuthErrorWithTautullisWordsAndTheKeyNeverShows() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeTautulli fake = new FakeTautulli()) {
            Health h = tautulli(http, fake, fake.wrongCredentials()).poll().health();

            assertEquals(Health.Detail.AUTH_ERROR, h.detail());
            assertTrue(h.message().contains("Invalid apikey"), h.message());
            assertTrue(!h.message().contains(fake.wrongCredentials().get("api_key")), h.message());
        }
    }
}
