package dev.hearth.testing;

import dev.hearth.platform.config.ConfigEnvironment;
import dev.hearth.platform.config.ConfigService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link ConfigService} from a map of properties, for tests that run without Quarkus. */
public final class TestConfig {
    private TestConfig() {}

    public static ConfigEnvironment environment(Map<String, String> properties, Map<String, String> env) {
        return new ConfigEnvironment(
                name -> Optional.ofNullable(properties.get(name)), name -> Optional.ofNullable(env.get(name)));
    }

    public static ConfigService sqlite(Path dataDir) {
        return new ConfigService(environment(Map.of("hearth.data_dir", dataDir.toString()), Map.of()));
    }

    public static ConfigService with(Path dataDir, Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("hearth.data_dir", dataDir.toString());
        return new ConfigService(environment(all, Map.of()));
    }
}
