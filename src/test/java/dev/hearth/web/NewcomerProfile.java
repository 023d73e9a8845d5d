package dev.hearth.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A Hearth as a newcomer first starts it: a data dir of its own that no other test has written to (so the first
 * start creates the admin and prints its password to {@code initial-credentials.txt}), and nothing configured.
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
}
