package dev.hearth.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hearth with backends the browser tests act on: a fake download client ({@code fakebit}, the downloads
 * feature's test double) polled every second, a supervised process service ({@code ticker}, printing a line
 * every half second), and a webhook notification channel to a receiver on loopback.
 * Its own data dir per JVM.
 */
public class DashboardBackendsProfile implements QuarkusTestProfile {
    /**
     * Where the test's webhook receiver listens; picked once per JVM and kept in a system property, because
     * Quarkus loads this class in its own class loader too and both copies must agree.
     */
    static final int WEBHOOK_PORT = Integer.parseInt(System.getProperties()
            .computeIfAbsent("hearth.test.dashboard.webhook_port", k -> String.valueOf(freePort()))
            .toString());

    static final Path DIR =
            Path.of("target/test-dashboard/" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hearth.data_dir",
                DIR.resolve("data").toString(),
                "hearth.downloads.poll_interval",
                "1s",
                "hearth.services",
                "[{\"name\": \"fakebit\", \"url\": \"http://127.0.0.1:9\", \"integration\": \"fake-torrent\"},"
                        + " {\"name\": \"ticker\", \"display_name\": \"Ticker\", \"group\": \"Tools\", \"runtime\": {\"process\":"
                        + " {\"command\": [\"sh\", \"-c\", \"while true; do echo tick $(date +%s); sleep 0.5; done\"], \"stop_timeout\": \"1s\"}}}]",
                "hearth.notifications.channels",
                "[{\"name\": \"dash-hook\", \"type\": \"webhook\", \"webhook\": {\"url\": \"http://127.0.0.1:"
                        + WEBHOOK_PORT + "/hook\"}}]");
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
