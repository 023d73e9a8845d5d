package dev.hearth.compat;

import dev.hearth.fakes.hub.ScriptedService;
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
 * A Hearth whose service named {@code 1} (the seed's examples say {@code /api/services/1/proxy/}) is a service that
 * echoes each request it gets, and a service {@code gone} on a port where nothing listens.
 */
public class HomeLabProfile implements QuarkusTestProfile {
    static volatile ScriptedService echo;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Upstreams.class));
    }

    public static class Upstreams implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Path dataDir = Files.createTempDirectory("hearth-homelab-");
                echo = new ScriptedService();
                int dead;
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    dead = s.getLocalPort();
                }
                Path yml = Files.createTempFile("hearth-homelab-", ".yml");
                Files.writeString(yml, """
                        services:
                          - name: "1"
                            url: "%s"
                          - name: gone
                            url: "http://127.0.0.1:%d"
                        hub:
                          proxy_timeout: 3s
                        """.formatted(echo.url().toString().replaceAll("/$", ""), dead));
                return Map.of("hearth.config", yml.toString(), "hearth.data_dir", dataDir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            if (echo != null) echo.close();
        }
    }
}
