package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Await;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A compose project on a real engine, grouped by its label and driven through docker-compose. */
@ExtendWith(DockerEngineHarness.class)
class ComposeProjectsTest {
    @TempDir
    Path dir;

    @Test
    void aComposeProjectIsGroupedAndGoesDownUpAndRestarts(DockerEngine engine) throws Exception {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, """
                version: "2.4"
                services:
                  app:
                    image: %1$s
                    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done"]
                    network_mode: none
                  worker:
                    image: %1$s
                    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done"]
                    network_mode: none
                """.formatted(DockerEngine.TEST_IMAGE));
        DockerEndpoints endpoints = new DockerEndpoints(Map.of("local", engine.client()), Map.of("local", engine.host().toString()), Map.of());
        ComposeProjects compose = new ComposeProjects(endpoints);
        // Deployed by the user beforehand, as on any home server.
        ProcessBuilder pb = new ProcessBuilder(ComposeProjects.cli().orElseThrow(() -> new AssertionError("install docker-compose")).getFirst(),
                "-p", "stack", "-f", file.toString(), "up", "-d").redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("DOCKER_HOST", engine.host().toString());
        Process up = pb.start();
        up.getOutputStream().close();
        if (!up.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("compose up hung");
        String upOutput = new String(up.getInputStream().readAllBytes());
        assertEquals(0, up.exitValue(), upOutput);
        try {
            ComposeProject p = compose.find("stack");
            assertEquals("local", p.endpoint());
            assertEquals(List.of("app", "worker"), p.containers().stream().map(ComposeProject.Member::service).sorted().toList());
            assertTrue(p.containers().stream().allMatch(m -> m.state().equals("running")));
            assertEquals(List.of(file.toString()), p.configFiles());

            compose.run("stack", "down");
            assertEquals(List.of(), compose.find("stack").containers(), "down removes the containers; the project is remembered");

            compose.run("stack", "up");
            assertEquals(2, compose.find("stack").containers().stream().filter(m -> m.state().equals("running")).count());

            String before = engine.client().inspect(compose.find("stack").containers().getFirst().container()).startedAt().toString();
            compose.run("stack", "restart");
            String container = compose.find("stack").containers().getFirst().container();
            Await.untilTrue(Duration.ofSeconds(10), "a new start time", () -> !engine.client().inspect(container).startedAt().toString().equals(before));
        } finally {
            compose.run("stack", "down");
        }
    }
}
