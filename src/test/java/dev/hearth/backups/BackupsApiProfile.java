package dev.hearth.backups;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hearth with backups copied to an rclone remote of type {@code local} (a temp rclone.conf, no network), a root
 * holding a path to include, and a webhook channel to a receiver the test runs. Values are picked once per JVM and
 * kept in system properties: Quarkus loads this class in its own class loader too, and both copies must agree.
 */
public class BackupsApiProfile implements QuarkusTestProfile {
    static final Path DIR = Path.of(System.getProperties()
            .computeIfAbsent("hearth.test.backups.dir", k -> {
                try {
                    return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backups-api-")
                            .toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .toString());
    static final int WEBHOOK_PORT = Integer.parseInt(System.getProperties()
            .computeIfAbsent("hearth.test.backups.webhook_port", k -> String.valueOf(freePort()))
            .toString());

    static Path roots() {
        return DIR.resolve("srv");
    }

    static Path remote() {
        return DIR.resolve("remote");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.createDirectories(roots().resolve("www"));
            Files.writeString(roots().resolve("www/index.html"), "served from the included path");
            Files.createDirectories(remote());
            Path conf = Files.writeString(DIR.resolve("rclone.conf"), "[nas]\ntype = local\n");
            return Map.of(
                    "hearth.data_dir", DIR.resolve("data").toString(),
                    "hearth.backups.roots", roots().toString(),
                    "hearth.backups.rclone.remote", "nas:" + remote(),
                    "hearth.backups.rclone.config", conf.toString(),
                    "hearth.notifications.channels",
                            "[{\"name\": \"ops\", \"type\": \"webhook\", \"webhook\": {\"url\": \"http://127.0.0.1:"
                                    + WEBHOOK_PORT + "/hook\"}}]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
