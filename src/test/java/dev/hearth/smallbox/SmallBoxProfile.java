package dev.hearth.smallbox;

import dev.hearth.testing.EndlessServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hearth on a box with little room: its data dir on a 16 MB tmpfs of its own (so a test can fill it to the
 * brim), and upstreams that answer without end — a download client, a Docker endpoint and Traefik's API.
 * Samples every second, so the data dir watch reacts within a second or two.
 */
public class SmallBoxProfile implements QuarkusTestProfile {
    static final Path DIR =
            Path.of("target/test-smallbox/" + ProcessHandle.current().pid()).toAbsolutePath();
    static final Path FS = DIR.resolve("fs");
    static final Path DATA = FS.resolve("data");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hearth.data_dir", DATA.toString(), "hearth.monitoring.interval", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(World.class));
    }

    public static class World implements QuarkusTestResourceLifecycleManager {
        private EndlessServer http;
        private EndlessServer docker;
        private boolean mounted;

        @Override
        public Map<String, String> start() {
            try {
                Files.createDirectories(FS);
                run("mount", "-t", "tmpfs", "-o", "size=16m,mode=0755", "tmpfs", FS.toString());
                mounted = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            http = new EndlessServer(EndlessServer.Framing.CHUNKED);
            docker = new EndlessServer(EndlessServer.Framing.UNTIL_CLOSE);
            return Map.of(
                    "hearth.services",
                            "[{\"name\": \"bigmouth\", \"url\": \"" + http.url()
                                    + "\", \"integration\": \"qbittorrent\", \"timeout\": \"30s\","
                                    + " \"credentials\": {\"username\": \"admin\", \"password\": \"adminadmin\"}},"
                                    + " {\"name\": \"bigbox\", \"runtime\": {\"docker\": {\"container\": \"bigbox\", \"endpoint\": \"endless\"}}}]",
                    "hearth.docker.endpoints",
                            "[{\"name\": \"endless\", \"host\": \"" + docker.dockerHost()
                                    + "\", \"timeout\": \"30s\"}]",
                    "hearth.docker.traefik_api", http.url().toString());
        }

        @Override
        public void stop() {
            if (http != null) http.close();
            if (docker != null) docker.close();
            if (mounted) run("umount", "-l", FS.toString());
            mounted = false;
        }

        static void run(String... command) {
            try {
                Process p =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
