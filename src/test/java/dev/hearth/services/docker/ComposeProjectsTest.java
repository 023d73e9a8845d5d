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
        DockerEndpoints endpoints = new DockerEndpoints(
                Map.of("local", engine.client()), Map.of("local", engine.host().toString()), Map.of());
        ComposeProjects compose = new ComposeProjects(endpoints);
        // Deployed by the user beforehand, as on any home server.
        ProcessBuilder pb = new ProcessBuilder(
                        ComposeProjects.cli()
                                .orElseThrow(() -> new AssertionError("install docker-compose"))
                                .getFirst(),
                        "-p",
                        "stack",
                        "-f",
                        file.toString(),
                        "up",
                        "-d")
                .redirectErrorStream(true)
                .directory(dir.toFile());
        pb.environment().put("DOCKER_HOST", engine.host().toString());
        Process up = pb.start();
        up.getOutputStream().close();
        if (!up.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("compose up hung");
        String upOutput = new String(up.getInputStream().readAllBytes());
        assertEquals(0, up.exitValue(), upOutput);
        try {
            ComposeProject p = compose.find("stack");
            assertEquals("local", p.endpoint());
            assertEquals(
                    List.of("app", "worker"),
                    p.containers().stream()
                            .map(ComposeProject.Member::service)
                            .sorted()
                            .toList());
            assertTrue(p.containers().stream().allMatch(m -> m.state().equals("running")));
            assertEquals(List.of(file.toString()), p.configFiles());

            compose.run("stack", "down");
            assertEquals(
                    List.of(),
                    compose.find("stack").containers(),
                    "down removes the containers; the project is remembered");

            compose.run("stack", "up");
            assertEquals(
                    2,
                    compose.find("stack").containers().stream()
                            .filter(m -> m.state().equals("running"))
                            .count());

            String before = engine.client()
                    .inspect(compose.find("stack").containers().getFirst().container())
                    .startedAt()
                    .toString();
            compose.run("stack", "restart");
            String container = compose.find("stack").containers().getFirst().container();
            Await.untilTrue(
                    Duration.ofSeconds(10),
                    "a new start time",
                    () -> !engine.client()
                            .inspect(container)
                            .startedAt()
                            .toString()
                            .equals(before));
        } finally {
            compose.run("stack", "down");
        }
    }

    /**
     * compose substitutes ${VAR} in a project's files from its own environment: started by Hearth, it must see
     * PATH and HOME and the endpoint, never Hearth's secrets. The project asks for them in labels, which the
     * engine then shows.
     */
    @Test
    void composeStartedByHearthSeesNoneOfHearthsSecrets(DockerEngine engine) throws Exception {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, """
                version: "2.4"
                services:
                  app:
                    image: %s
                    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done"]
                    network_mode: none
                    labels:
                      admin_key: "${HEARTH_ADMIN_API_KEY:-absent}"
                      db_password: "${PG_PASSWORD:-absent}"
                      home: "${HOME:-absent}"
                """.formatted(DockerEngine.TEST_IMAGE));
        DockerEndpoints endpoints = new DockerEndpoints(
                Map.of("local", engine.client()), Map.of("local", engine.host().toString()), Map.of());
        ProcessBuilder pb = new ProcessBuilder(
                        ComposeProjects.cli()
                                .orElseThrow(() -> new AssertionError("install docker-compose"))
                                .getFirst(),
                        "-p",
                        "leaky",
                        "-f",
                        file.toString(),
                        "up",
                        "-d")
                .redirectErrorStream(true)
                .directory(dir.toFile());
        pb.environment().put("DOCKER_HOST", engine.host().toString());
        Process up = pb.start();
        up.getOutputStream().close();
        String upOutput = new String(up.getInputStream().readAllBytes());
        if (!up.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("compose up hung");
        assertEquals(0, up.exitValue(), upOutput);
        // Hearth's environment as a home server has it: the admin key and a ${VAR} secret of hearth.yml.
        Map<String, String> hearthEnvironment = Map.of(
                "PATH",
                System.getenv("PATH"),
                "HOME",
                "/root-of-hearth",
                "HEARTH_ADMIN_API_KEY",
                "hth_admin_key_that_must_stay_in_hearth_0123456789",
                "PG_PASSWORD",
                "pg-secret-of-hearth");
        ComposeProjects compose = new ComposeProjects(endpoints, hearthEnvironment);
        try {
            compose.run("leaky", "up");
            String container = compose.find("leaky").containers().getFirst().container();
            Map<String, String> labels = engine.client().inspect(container).labels();
            assertEquals("absent", labels.get("admin_key"), "HEARTH_ADMIN_API_KEY reached compose");
            assertEquals("absent", labels.get("db_password"), "a secret of hearth.yml reached compose");
            assertEquals("/root-of-hearth", labels.get("home"), "HOME is passed on");
        } finally {
            compose.run("leaky", "down");
        }
    }
}
