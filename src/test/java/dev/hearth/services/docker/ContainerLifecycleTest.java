package dev.hearth.services.docker;

import static dev.hearth.testing.DockerEngine.TEST_IMAGE;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerEngineHarness.class)
class ContainerLifecycleTest {

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
    void aContainerGoesThroughCreateStartStopRestartAndRemove() {
        String name = ScratchContainers.uniqueName("life");
        String id = containers.create(
                name, ContainerSpec.of(TEST_IMAGE, "sleep", "3600").withLabels(Map.of("hearth.test", "lifecycle")));

        client.start(id);
        ContainerDetails running = client.inspect(name);
        assertTrue(running.running());
        assertEquals("running", running.state());
        assertEquals(name, running.name());
        assertEquals(TEST_IMAGE, running.image());
        assertTrue(running.pid() > 0);
        assertNotNull(running.startedAt());
        assertEquals("lifecycle", running.labels().get("hearth.test"));
        ContainerSummary listed = client.listContainers(false).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertEquals(java.util.List.of(name), listed.names());
        assertTrue(listed.running());
        assertTrue(listed.status().startsWith("Up"), listed.status());
        assertEquals(ContainerHealth.NONE, listed.health());

        // busybox sleep as PID 1 ignores SIGTERM, so the engine has to SIGKILL it after the grace period.
        long t0 = System.nanoTime();
        client.stop(id, Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        ContainerDetails stopped = client.inspect(id);
        assertFalse(stopped.running());
        assertEquals(137, stopped.exitCode());
        assertNotNull(stopped.finishedAt());
        assertTrue(
                took.compareTo(Duration.ofMillis(900)) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0,
                "stop took " + took);
        assertFalse(client.listContainers(false).stream().anyMatch(c -> c.id().equals(id)));
        assertTrue(client.listContainers(true).stream()
                .anyMatch(c -> c.id().equals(id) && c.state().equals("exited")));

        client.restart(id, Duration.ofSeconds(1));
        assertTrue(client.inspect(id).running());

        client.remove(id, true);
        assertThrows(DockerException.NotFound.class, () -> client.inspect(id));
        assertFalse(client.listContainers(true).stream().anyMatch(c -> c.id().equals(id)));
    }

    @Test
    void stoppingAStoppedContainerIsNotAnError() {
        String id = containers.create(ScratchContainers.uniqueName("stopped"), ContainerSpec.of(TEST_IMAGE, "true"));

        assertDoesNotThrow(() -> client.stop(id, Duration.ofSeconds(1)));
        client.start(id);
        containers.awaitExit(id);
        assertDoesNotThrow(() -> client.stop(id, Duration.ofSeconds(1)));
    }

    @Test
    void startingARunningContainerIsNotAnError() {
        String id =
                containers.run(ScratchContainers.uniqueName("twice"), ContainerSpec.of(TEST_IMAGE, "sleep", "3600"));

        assertDoesNotThrow(() -> client.start(id));
        assertTrue(client.inspect(id).running());
    }

    @Test
    void aMissingContainerIsNotFound() {
        var error = assertThrows(DockerException.NotFound.class, () -> client.inspect("no-such-container"));
        assertTrue(error.getMessage().contains("No such container"), error.getMessage());
        assertThrows(DockerException.NotFound.class, () -> client.start("no-such-container"));
        assertThrows(DockerException.NotFound.class, () -> client.stop("no-such-container", Duration.ofSeconds(1)));
        assertThrows(DockerException.NotFound.class, () -> client.remove("no-such-container", true));
        assertThrows(DockerException.NotFound.class, () -> client.logs("no-such-container", 10, null, false));
        assertThrows(DockerException.NotFound.class, () -> client.stats("no-such-container"));
    }

    @Test
    void aTakenNameIsAConflict() {
        String name = ScratchContainers.uniqueName("taken");
        containers.create(name, ContainerSpec.of(TEST_IMAGE, "true"));

        var error = assertThrows(
                DockerException.Conflict.class, () -> containers.create(name, ContainerSpec.of(TEST_IMAGE, "true")));
        assertTrue(error.getMessage().contains("already in use"), error.getMessage());
    }

    @Test
    void removingARunningContainerNeedsForce() {
        String id = containers.run(ScratchContainers.uniqueName("busy"), ContainerSpec.of(TEST_IMAGE, "sleep", "3600"));

        assertThrows(DockerException.Conflict.class, () -> client.remove(id, false));
        client.remove(id, true);
        assertThrows(DockerException.NotFound.class, () -> client.inspect(id));
    }
}
