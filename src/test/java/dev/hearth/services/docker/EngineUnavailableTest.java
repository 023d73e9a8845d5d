package dev.hearth.services.docker;

import static dev.hearth.testing.DockerEngine.TEST_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Await;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stops and restarts its engine, so it has one of its own. */
class EngineUnavailableTest {

    @RegisterExtension
    static final DockerEngineHarness DOCKER = DockerEngineHarness.perClass();

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aStoppedEngineIsReportedUnavailableQuicklyAndWorksAgainWhenItComesBack(DockerEngine engine) {
        DockerEngineClient client = engine.client(TIMEOUT);
        client.ping();

        engine.stop();
        long t0 = System.nanoTime();
        var error = assertThrows(DockerException.EngineUnavailable.class, () -> client.listContainers(true));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertTrue(took.compareTo(TIMEOUT) < 0, "failed after " + took);
        assertEquals("test", error.endpoint());
        assertTrue(error.getMessage().startsWith("Docker endpoint 'test' (unix://"), error.getMessage());
        assertFalse(error.getMessage().contains("Exception"), "no stack-trace talk for users: " + error.getMessage());

        engine.restart();
        assertTrue(client.listContainers(true).stream().noneMatch(c -> c.state().equals("running")));
        assertEquals("1.41", client.apiVersion());
    }

    @Test
    void anEventSubscriptionSurvivesAnEngineRestart(DockerEngine engine) throws Exception {
        DockerEngineClient client = engine.client(TIMEOUT);
        List<DockerEvent> events = new CopyOnWriteArrayList<>();
        try (DockerSubscription subscription = client.events(null, events::add)) {
            engine.restart();

            String name = ScratchContainers.uniqueName("after");
            try (ScratchContainers containers = new ScratchContainers(client)) {
                String id = containers.run(name, ContainerSpec.of(TEST_IMAGE, "sh", "-c", "exit 1"));
                DockerEvent die = Await.until(
                        Duration.ofSeconds(20),
                        "a die event after the restart",
                        () -> DockerEventsTest.find(events, id, "die"));
                assertEquals(Integer.valueOf(1), die.exitCode());
            }
            assertTrue(subscription.isOpen());
        }
    }
}
