package dev.hearth.web;

import dev.hearth.testing.DockerEngine;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Hearth as a newcomer first starts it: a data dir of its own that no other test has written to (so the first
 * start creates the admin and prints its password to {@code initial-credentials.txt}), nothing configured, and a
 * real Docker engine next to it with no container yet. {@code docker.local} points at the harness engine's socket
 * only because this machine's {@code /var/run/docker.sock} is not the harness's; nothing else about Docker is set.
 */
public class NewcomerProfile implements QuarkusTestProfile {
    /** Picked once per JVM and kept in a system property: Quarkus loads this class in its own class loader too. */
    static final Path DIR = Path.of(System.getProperties()
                    .computeIfAbsent("hearth.test.newcomer.dir", k -> "target/test-newcomer/" + UUID.randomUUID())
                    .toString())
            .toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hearth.data_dir", DIR.resolve("data").toString());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalEngine.class));
    }

    /** The engine on "this machine", started before Hearth and stopped after it. */
    public static class LocalEngine implements QuarkusTestResourceLifecycleManager {
        static @Nullable DockerEngine engine;

        @Override
        public Map<String, String> start() {
            engine = DockerEngine.start();
            return Map.of(
                    "hearth.docker.local",
                    engine.host().toString(),
                    // found containers appear within seconds rather than the default five minutes
                    "hearth.docker.discovery_interval",
                    "1s");
        }

        @Override
        public void stop() {
            if (engine != null) engine.close();
            engine = null;
        }
    }
}
