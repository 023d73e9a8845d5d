package dev.hearth.compat;

import dev.hearth.admin.RemoteAdminProfile;
import dev.hearth.testing.DelugeDaemon;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed Moccha's world: a REAL Deluge daemon on loopback bound as the service "deluge" (so the seed's own
 * paths, {@code /services/deluge/...}, are the ones sent), and remote administration on as in the admin tests.
 */
public class MocchaProfile implements QuarkusTestProfile {
    static final Path DIR =
            Path.of("target/compat-moccha/" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> all = new HashMap<>(new RemoteAdminProfile().getConfigOverrides());
        all.put("hearth.downloads.poll_interval", "1s");
        all.put("hearth.downloads_dir", DIR.toString());
        // the first install builds the workspace's virtual environment: on a loaded box, longer than the client's 30 s
        all.put("quarkus.http.test-timeout", "180s");
        return all;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Deluge.class));
    }

    public static class Deluge implements QuarkusTestResourceLifecycleManager {
        private DelugeDaemon daemon;

        @Override
        public Map<String, String> start() {
            daemon = new DelugeDaemon(DIR.resolve("deluge"));
            return Map.of("hearth.services", """
                    [{"name": "deluge", "url": "%s", "integration": "deluge", "timeout": "5s",
                      "credentials": {"password": "%s"}}]
                    """.formatted(daemon.url(), DelugeDaemon.PASSWORD)
                    .replace("\n", " "));
        }

        @Override
        public void stop() {
            if (daemon != null) daemon.close();
        }
    }
}
