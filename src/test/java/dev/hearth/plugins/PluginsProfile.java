package dev.hearth.plugins;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Hearth with the example plugins of {@link ExamplePlugins} in its plugins directory. */
public class PluginsProfile implements QuarkusTestProfile {
    /** One directory per JVM: Quarkus loads this class in two class loaders, which must agree. */
    public static final Path DIR = Path.of(System.getProperties()
            .computeIfAbsent("hearth.test.plugins.dir", k -> {
                try {
                    return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "plugins-api-")
                            .toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .toString());

    @Override
    public Map<String, String> getConfigOverrides() {
        if (!Files.exists(DIR.resolve("jars/hello-1.2.0.jar"))) ExamplePlugins.writeAll(DIR.resolve("jars"));
        // the hello plugin's channel kind, named in the configuration like Hearth's own
        return Map.of(
                "hearth.data_dir", DIR.resolve("data").toString(),
                "hearth.plugins.directory", DIR.resolve("jars").toString(),
                "hearth.notifications.channels",
                        "[{\"name\": \"echoes\", \"type\": \"echo\", \"echo\": {\"prefix\": \"heard: \", \"file\": \""
                                + echoFile() + "\"}}]");
    }

    /** Where the echo channel writes what reaches it. */
    public static Path echoFile() {
        return DIR.resolve("echo.log");
    }
}
