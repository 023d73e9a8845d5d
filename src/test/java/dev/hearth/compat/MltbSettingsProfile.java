package dev.hearth.compat;

import dev.hearth.plugins.PluginsProfile;
import dev.hearth.testing.QbittorrentDaemon;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The example plugins of the plugins tests, and the REAL qBittorrent as the download client that takes torrents,
 * on a data dir of its own (so the plugins' on/off choices do not meet the plugins tests' ones).
 */
public class MltbSettingsProfile extends PluginsProfile {
    static final Path DIR =
            Path.of("target/mltb-settings/" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> all = new HashMap<>(super.getConfigOverrides());
        all.put("hearth.data_dir", DIR.resolve("data").toString());
        all.put("hearth.downloads_dir", DIR.resolve("downloads").toString());
        return all;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Qbittorrent.class));
    }

    public static class Qbittorrent implements QuarkusTestResourceLifecycleManager {
        private QbittorrentDaemon qb;

        @Override
        public Map<String, String> start() {
            try {
                Files.createDirectories(DIR.resolve("downloads"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            qb = new QbittorrentDaemon(DIR.resolve("qbittorrent"));
            return Map.of("hearth.services", """
                    [{"name": "qbittorrent", "url": "%s", "integration": "qbittorrent", "timeout": "5s",
                      "credentials": {"username": "%s", "password": "%s"}}]""".formatted(qb.url(), QbittorrentDaemon.USER, QbittorrentDaemon.PASSWORD)
                    .replace("\n", " "));
        }

        @Override
        public void stop() {
            if (qb != null) qb.close();
        }
    }
}
