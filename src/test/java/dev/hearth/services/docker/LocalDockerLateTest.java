package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.TestConfig;
import dev.hearth.testing.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hearth started at boot before dockerd: the local engine does not answer at start, and when it does, it joins as
 * the endpoint {@code local} without a restart, its events watched and those waiting on it told once.
 */
class LocalDockerLateTest {

    @Test
    void anEngineThatAnswersAfterTheStartJoinsAsLocalWithItsEvents(@TempDir Path data) {
        Path dir = DockerEngine.newDir();
        ConfigService config =
                TestConfig.with(data, Map.of("hearth.docker.local", "unix://" + dir.resolve("docker.sock")));
        DockerEndpoints endpoints = DockerEndpoints.from(config, new ObjectMapper(), Duration.ofMillis(200));
        try {
            assertEquals("unreachable", endpoints.local().state());
            assertTrue(endpoints.names().isEmpty(), "no endpoint before the engine answers");
            AtomicInteger attached = new AtomicInteger();
            endpoints.onAttach(attached::incrementAndGet);
            List<String> events = new CopyOnWriteArrayList<>();
            endpoints.watch((endpoint, e) -> events.add(endpoint + ":" + e.name() + ":" + e.action()));

            try (DockerEngine engine = DockerEngine.start(dir, List.of())) {
                Waits.until(
                        "the late engine joins",
                        Duration.ofSeconds(30),
                        () -> endpoints.names().contains("local"));
                assertTrue(endpoints.local().found(), endpoints.local().toString());
                assertEquals("", endpoints.local().hint(), "nothing left to do");
                assertEquals(1, attached.get());

                String id =
                        engine.client().createContainer("late-one", ContainerSpec.of(DockerEngine.TEST_IMAGE, "true"));
                engine.client().start(id);
                Waits.until(
                        "the late engine's events are watched",
                        Duration.ofSeconds(20),
                        () -> events.stream().anyMatch(e -> e.startsWith("local:late-one:")));
                assertEquals(
                        "late-one",
                        endpoints
                                .require("local")
                                .listContainers(true)
                                .getFirst()
                                .names()
                                .getFirst());
            }
        } finally {
            endpoints.close();
        }
    }
}
