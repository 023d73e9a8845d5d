package dev.hearth.services.docker;

import static dev.hearth.testing.DockerEngine.TEST_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerEngineHarness.class)
class ContainerStatsTest {

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
    void aBusyContainerShowsCpuUseAndPlausibleMemory() {
        String id = containers.run(
                ScratchContainers.uniqueName("busy"),
                ContainerSpec.of(TEST_IMAGE, "sh", "-c", "while true; do :; done"));

        ContainerStats stats = client.stats(id);

        // One spinning shell keeps about one CPU busy: docker stats would show roughly 100 %.
        assertTrue(stats.cpuPercent() > 20 && stats.cpuPercent() < 400, "cpu " + stats.cpuPercent());
        assertTrue(stats.memoryUsed() > 0 && stats.memoryUsed() < 64L * 1024 * 1024, "used " + stats.memoryUsed());
        assertTrue(stats.memoryLimit() > stats.memoryUsed(), "limit " + stats.memoryLimit());
        assertEquals(stats.memoryUsed() * 100.0 / stats.memoryLimit(), stats.memoryPercent(), 1e-9);
        assertTrue(stats.pids() >= 1, "pids " + stats.pids());
        assertEquals(0, stats.netRx(), "network none has no interfaces to count");
    }

    @Test
    void anIdleContainerUsesNearlyNoCpu() {
        String id = containers.run(ScratchContainers.uniqueName("idle"), ContainerSpec.of(TEST_IMAGE, "sleep", "3600"));

        ContainerStats stats = client.stats(id);

        assertTrue(stats.cpuPercent() < 5, "cpu " + stats.cpuPercent());
        assertTrue(stats.memoryUsed() > 0, "used " + stats.memoryUsed());
    }
}
