package dev.hearth.media.plex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.FakeHttp;
import dev.hearth.fakes.media.FakePlex;
import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.media.MediaServer;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlexClientTest {

    private static MediaServer plex(HttpStack http, FakePlex fake, Duration timeout) {
        return (MediaServer)
                Targets.create(http, "plex", "plex", URI.create(fake.baseUrl()), fake.credentials(), timeout);
    }

    @Test
    void theTokenTravelsInTheHeaderAndJsonIsAskedFor() throws Exception {
        try (HttpStack http = Targets.stack();
                FakePlex fake = new FakePlex()) {
            plex(http, fake, Targets.TIMEOUT).libraries();

            FakeHttp.Request r = fake.requests.getFirst();
            assertEquals(fake.credentials().get("token"), r.header("X-Plex-Token"));
            assertTrue(
                    r.query() == null || !r.query().contains("X-Plex-Token"),
                    "a token in the query ends up in access logs");
            assertTrue(r.header("Accept").contains("application/json"), "Plex answers XML otherwise");
        }
    }

    @Test
    void anEmptyContainerLeavesTheArrayOutAndReadsAsNothing() throws Exception {
        try (HttpStack http = Targets.stack();
                FakePlex fake = new FakePlex()) {
            assertEquals(List.of(), plex(http, fake, Targets.TIMEOUT).recentlyAdded(0));
            assertTrue(fake.requests.getLast().query().contains("X-Plex-Container-Size=0"));
        }
    }

    @Test
    void aPathRefreshGoesToTheSectionThatScansIt() throws Exception {
        try (HttpStack http = Targets.stack();
                FakePlex fake = new FakePlex()) {
            plex(http, fake, Targets.TIMEOUT).refreshPath(MediaScenario.NEW_EPISODE_FOLDER + "/");

            assertEquals(
                    List.of("refresh path:" + MediaScenario.NEW_EPISODE_FOLDER + "/ in library:TV Shows"),
                    fake.received);
            assertTrue(fake.requests.getLast().path().equals("/library/sections/2/refresh"));
        }
    }

    @Test
    void aRefreshThatHangsFailsWithATimeoutNotAHungPage() throws Exception {
        try (HttpStack http = Targets.stack();
                FakePlex fake = new FakePlex()) {
            fake.slowRefresh(Duration.ofSeconds(3));
            MediaServer plex = plex(http, fake, Duration.ofMillis(400));

            long start = System.nanoTime();
            UpstreamException e = assertThrows(UpstreamException.class, () -> plex.refreshLibrary("1"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertInstanceOf(UpstreamException.Timeout.class, e);
            // One retry of an idempotent GET: two timeouts and a short backoff, far below the 3 s the server takes.
            assertTrue(took.compareTo(Duration.ofMillis(1500)) < 0, "took " + took);
        }
    }
}
