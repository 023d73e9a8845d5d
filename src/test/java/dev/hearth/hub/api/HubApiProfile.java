package dev.hearth.hub.api;

import dev.hearth.fakes.hub.HubDouble.Reply;
import dev.hearth.fakes.hub.ScriptedService;
import dev.hearth.testing.QbittorrentDaemon;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Hearth with the real qBittorrent registered without credentials (they are set through the API), an API-key
 * service whose key is in hearth.yml (a Sonarr-like double: 401 without it), and a dead one; a proxy allow-list on
 * the qBittorrent entry named "qbit-ro".
 */
public class HubApiProfile implements QuarkusTestProfile {
    static final String KEY = "hub-api-test-key-0123456789";
    static volatile QbittorrentDaemon qbit;
    static volatile ScriptedService keyed;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Upstreams.class));
    }

    public static class Upstreams implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Path dataDir = Files.createTempDirectory("hearth-hub-api-");
                qbit = new QbittorrentDaemon(Files.createDirectories(dataDir.resolve("qbit")));
                keyed = new ScriptedService()
                        .answer(r -> !KEY.equals(r.header("X-Api-Key"))
                                ? Reply.json(401, Map.of("error", "Unauthorized"))
                                : r.rawPath().equals("/api/v3/system/status")
                                        ? Reply.json(200, Map.of("appName", "Sonarr", "version", "4.0.9"))
                                        : Reply.json(200, Map.of("path", r.rawPath())));
                int dead;
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    dead = s.getLocalPort();
                }
                Path yml = Files.createTempFile("hearth-hub-", ".yml");
                Files.writeString(yml, """
                        services:
                          - name: qbittorrent
                            url: "%1$s"
                            integration: qbittorrent
                          - name: qbit-ro
                            url: "%1$s"
                          - name: series
                            url: "%2$s"
                            credentials: { api_key: "%3$s" }
                          - name: gone
                            url: "http://127.0.0.1:%4$d"
                        hub:
                          probe_timeout: 1s
                          proxy_timeout: 3s
                          proxy_allow:
                            - service: qbit-ro
                              rules: ["GET /api/v2/app/*"]
                        """.formatted(
                                qbit.url().toString().replaceAll("/$", ""),
                                keyed.url().toString().replaceAll("/$", ""),
                                KEY,
                                dead));
                return Map.of("hearth.config", yml.toString(), "hearth.data_dir", dataDir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            if (qbit != null) qbit.close();
            if (keyed != null) keyed.close();
        }
    }
}
