package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.fakes.FakeDockerEngine;
import dev.hearth.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The event stream breaking mid-way, which a real engine only does at random moments. */
class EventResumeTest {

    private static String event(String id, String action, long timeNano) {
        return "{\"Type\":\"container\",\"Action\":\"" + action + "\",\"Actor\":{\"ID\":\"" + id
                + "\",\"Attributes\":{\"name\":\"" + id + "\"}},\"time\":" + timeNano / 1_000_000_000L
                + ",\"timeNano\":" + timeNano + "}";
    }

    @Test
    void aBrokenStreamResumesAfterTheLastEventWithoutLosingOrRepeatingAny() throws Exception {
        try (FakeDockerEngine fake = new FakeDockerEngine("1.41")) {
            long t = 1_700_000_000_123_456_789L;
            fake.queueEvents(event("a", "start", t), event("b", "start", t + 5));
            // After the reconnect the engine replays from "since", which includes the last instant.
            fake.queueEvents(
                    event("b", "start", t + 5),
                    "{\"Type\":\"network\",\"Action\":\"connect\"}",
                    event("a", "die", t + 9));
            List<DockerEvent> seen = new CopyOnWriteArrayList<>();
            DockerEngineClient client =
                    new DockerEngineClient("fake", fake.host(), Duration.ofSeconds(2), new ObjectMapper());

            try (DockerSubscription subscription = client.events(null, seen::add)) {
                Await.untilTrue(Duration.ofSeconds(10), "three events", () -> seen.size() >= 3);
                Await.untilTrue(
                        Duration.ofSeconds(10),
                        "a third connection",
                        () -> fake.queries().stream()
                                        .filter(q -> q.contains("filters="))
                                        .count()
                                == 3);

                assertEquals(
                        List.of("a start", "b start", "a die"),
                        seen.stream()
                                .map(e -> e.containerId() + " " + e.action())
                                .toList());
                List<String> eventQueries = fake.queries().stream()
                        .filter(q -> q.contains("filters="))
                        .toList();
                assertFalse(eventQueries.get(0).contains("since="), "the first connection wants new events only");
                assertTrue(eventQueries.get(1).contains("since=1700000000.123456794"), eventQueries.get(1));
                assertTrue(eventQueries.get(2).contains("since=1700000000.123456798"), eventQueries.get(2));
                assertTrue(subscription.isOpen());
            }
        }
    }
}
