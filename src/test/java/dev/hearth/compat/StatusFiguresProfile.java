package dev.hearth.compat;

import dev.hearth.fakes.media.FakePlex;
import dev.hearth.testing.QbittorrentDaemon;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hearth with the Plex double (two people playing) and a REAL qBittorrent, each polled every second, for the
 * status blocks' {@code active_streams}, {@code active_downloads} and {@code download_speed}.
 */
public class StatusFiguresProfile implements QuarkusTestProfile {
    static final Path DIR =
            Path.of("target/status-figures/" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hearth.data_dir",
                DIR.resolve("data").toString(),
                "hearth.downloads_dir",
                DIR.toString(),
                "hearth.downloads.poll_interval",
                "1s",
                "hearth.downloads.completion.mode",
                "none");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(World.class));
    }

    public static class World implements QuarkusTestResourceLifecycleManager {
        private final List<AutoCloseable> started = new ArrayList<>();

        @Override
        public Map<String, String> start() {
            try {
                FakePlex plex = new FakePlex();
                started.add(plex);
                QbittorrentDaemon qb = new QbittorrentDaemon(DIR.resolve("qbittorrent"));
                started.add(qb);
                String plexCredentials = plex.credentials().entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                        .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
                String services = """
                        [{"name": "plex", "url": "%s", "integration": "plex", "check_interval": "1s",
                          "credentials": %s},
                         {"name": "qbittorrent", "url": "%s", "integration": "qbittorrent", "timeout": "5s",
                          "check_interval": "1s",
                          "credentials": {"username": "%s", "password": "%s"}}]
                        """.formatted(
                                plex.baseUrl(),
                                plexCredentials,
                                qb.url(),
                                QbittorrentDaemon.USER,
                                QbittorrentDaemon.PASSWORD)
                        .replace("\n", " ");
                return Map.of("hearth.services", services);
            } catch (IOException e) {
                stop();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }

        @Override
        public void stop() {
            for (AutoCloseable c : started) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the next one still has to stop
                }
            }
            started.clear();
        }
    }
}
