package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.services.docker.ContainerSpec;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.testing.DockerEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * bench/newcomer.sh runs this (its name is no test's, so bin/test never does): the time from {@code bin/hearth} to a
 * signed-in Overview that lists the containers of the Docker engine next to it, as a newcomer meets it: a fresh
 * data dir each run, nothing configured, the password read from {@code initial-credentials.txt}, signed in through
 * the login page in headless Chromium (already open, as a person's browser is). One unmeasured run first, after
 * which bin/hearth's start-up cache exists ("after the first build"). Writes target/bench-newcomer.md.
 */
class NewcomerBench {
    static final int RUNS = Integer.getInteger("hearth.bench.runs", 5);
    static final List<String> CONTAINERS = List.of("jellyfin", "sonarr", "qbittorrent");

    @Test
    void fromBinHearthToAnOverviewListingTheLocalContainers() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        try (DockerEngine engine = DockerEngine.start()) {
            DockerEngineClient docker = engine.client();
            String idle = "trap 'exit 0' TERM; while true; do sleep 1; done";
            for (String service : CONTAINERS) {
                docker.start(docker.createContainer(
                        "media-" + service + "-1",
                        ContainerSpec.of(DockerEngine.TEST_IMAGE, "sh", "-c", idle)
                                .withLabels(Map.of(
                                        "com.docker.compose.project",
                                        "media",
                                        "com.docker.compose.service",
                                        service))));
            }
            long warm = run(root, engine);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) times.add(run(root, engine));
            List<Long> sorted = times.stream().sorted().toList();
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            Files.writeString(
                    root.resolve("target/bench-newcomer.md"),
                    "| runs | median | best | worst | first run (records the start-up cache) |\n"
                            + "|---|---|---|---|---|\n"
                            + String.format(
                                    "| %d | %.1f s | %.1f s | %.1f s | %.1f s |%n",
                                    RUNS,
                                    sorted.get(RUNS / 2) / 1000.0,
                                    sorted.getFirst() / 1000.0,
                                    sorted.getLast() / 1000.0,
                                    warm / 1000.0)
                            + "\nEach run in ms: " + times + ". Load average after the runs: " + load + ".\n");
            assertTrue(sorted.get(RUNS / 2) > 0);
        }
    }

    /** One newcomer: bin/hearth on a fresh data dir → sign in → the Overview lists every container. */
    private static long run(Path root, DockerEngine engine) throws Exception {
        Path data = Files.createTempDirectory(root.resolve("target"), "bench-newcomer-");
        int port = freePort();
        try (Browser browser = new Browser(URI.create("http://127.0.0.1:" + port + "/"))) {
            ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/hearth").toString())
                    .directory(data.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("hearth.log").toFile());
            pb.environment().put("HEARTH_PORT", String.valueOf(port));
            pb.environment().put("HEARTH_SERVER_HOST", "127.0.0.1");
            pb.environment().put("HEARTH_DATA_DIR", data.resolve("data").toString());
            // the engine next to Hearth: this machine's /var/run/docker.sock is not the harness's
            pb.environment().put("HEARTH_DOCKER_LOCAL", engine.host().toString());
            long t0 = System.nanoTime();
            Process hearth = pb.start();
            try {
                Path credentials = data.resolve("data/initial-credentials.txt");
                String password = browser.waitFor(Duration.ofSeconds(120), d -> passwordIn(credentials));
                browser.waitFor(Duration.ofSeconds(120), d -> {
                    try {
                        browser.open("/login");
                    } catch (org.openqa.selenium.WebDriverException notYet) {
                        return false; // the port is not open yet
                    }
                    return !d.findElements(By.id("username")).isEmpty();
                });
                browser.login("admin", password);
                browser.waitFor(Duration.ofSeconds(120), d -> {
                    String text = d.findElement(By.id("ov-services")).getText();
                    return CONTAINERS.stream().allMatch(text::contains);
                });
                return (System.nanoTime() - t0) / 1_000_000;
            } finally {
                // the first run's launcher assembles the start-up cache after Hearth stops: let it finish
                hearth.destroy();
                if (!hearth.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) hearth.destroyForcibly();
            }
        }
    }

    private static String passwordIn(Path credentials) {
        try {
            if (!Files.exists(credentials)) return null;
            return Files.readAllLines(credentials).stream()
                    .filter(l -> l.startsWith("Browser login:"))
                    .map(l -> l.substring(l.indexOf('/') + 1).trim())
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
