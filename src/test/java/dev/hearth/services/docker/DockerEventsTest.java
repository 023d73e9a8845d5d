package dev.hearth.services.docker;

import static dev.hearth.testing.DockerEngine.TEST_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Await;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerEngineHarness.class)
class DockerEventsTest {

    private DockerEngineClient client;
    private ScratchContainers containers;

    @BeforeEach
    void setUp(DockerEngine engine) {
        client = engine.client();
        containers = new ScratchContainers(client);
    }

    @AfterEach
    void tearDown() {
        containers.close();
    }

    @Test
    void aContainerExitingWithOneProducesADieEventWithExitCodeOne() {
        List<DockerEvent> events = new CopyOnWriteArrayList<>();
        String name = ScratchContainers.uniqueName("dies");
        try (DockerSubscription subscription = client.events(null, events::add)) {
            String id = containers.run(
                    name,
                    ContainerSpec.of(TEST_IMAGE, "sh", "-c", "exit 1").withLabels(Map.of("hearth.service", "dies")));

            DockerEvent die = Await.until(Duration.ofSeconds(10), "a die event", () -> find(events, id, "die"));

            assertEquals(Integer.valueOf(1), die.exitCode());
            assertEquals(name, die.name());
            assertEquals("container", die.type());
            assertEquals("dies", die.labels().get("hearth.service"));
            assertFalse(die.labels().containsKey("exitCode"), "attributes that are not labels are left out");
            assertTrue(events.indexOf(find(events, id, "start")) < events.indexOf(die), "start came first");
            assertTrue(subscription.isOpen());
        }
    }

    @Test
    void eventsSinceAnEarlierInstantReplayWhatHappenedBeforeSubscribing() {
        Instant before = Instant.now().minusSeconds(1);
        String id = containers.run(
                ScratchContainers.uniqueName("past"), ContainerSpec.of(TEST_IMAGE, "sh", "-c", "exit 3"));
        containers.awaitExit(id);
        List<DockerEvent> events = new CopyOnWriteArrayList<>();

        try (DockerSubscription subscription = client.events(before, events::add)) {
            DockerEvent die = Await.until(Duration.ofSeconds(10), "the past die event", () -> find(events, id, "die"));
            assertEquals(Integer.valueOf(3), die.exitCode());
            assertEquals(
                    1,
                    events.stream()
                            .filter(e ->
                                    e.containerId().equals(id) && e.action().equals("die"))
                            .count());
        }
    }

    @Test
    void closingTheSubscriptionStopsDelivery() throws Exception {
        List<DockerEvent> events = new CopyOnWriteArrayList<>();
        DockerSubscription subscription = client.events(null, events::add);
        subscription.close();
        assertTrue(subscription.awaitEnd(Duration.ofSeconds(5)));

        String id = containers.run(ScratchContainers.uniqueName("unseen"), ContainerSpec.of(TEST_IMAGE, "true"));
        containers.awaitExit(id);

        assertTrue(events.stream().noneMatch(e -> e.containerId().equals(id)));
    }

    static DockerEvent find(List<DockerEvent> events, String id, String action) {
        return events.stream()
                .filter(e -> e.containerId().equals(id) && e.action().equals(action))
                .findFirst()
                .orElse(null);
    }
}
