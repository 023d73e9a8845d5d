package dev.hearth.graphql;

import dev.hearth.testing.QbittorrentDaemon;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Hearth with one REAL qBittorrent on loopback, polled every second, and a host sample every second. */
public class QbittorrentLiveProfile implements QuarkusTestProfile {
    static final Path DIR =
            Path.of("target/graphql-live/" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hearth.data_dir", DIR.resolve("data").toString(),
                "hearth.downloads_dir", DIR.toString(),
                "hearth.downloads.poll_interval", "1s",
                "hearth.downloads.completion.mode", "none",
                "hearth.monitoring.interval", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Daemon.class));
    }

    static Path downloads() {
        return DIR.resolve("qbittorrent").resolve("downloads");
    }

    public static class Daemon implements QuarkusTestResourceLifecycleManager {
        private QbittorrentDaemon qb;

        @Override
        public Map<String, String> start() {
            qb = new QbittorrentDaemon(DIR.resolve("qbittorrent"));
            String services = """
                    [{"name": "qbittorrent", "url": "%s", "integration": "qbittorrent", "timeout": "5s",
                      "credentials": {"username": "%s", "password": "%s"}}]""".formatted(qb.url(), QbittorrentDaemon.USER, QbittorrentDaemon.PASSWORD)
                    .replace("\n", " ");
            return Map.of("hearth.services", services);
        }

        @Override
        public void stop() {
            if (qb != null) qb.close();
        }
    }
}
