package dev.hearth.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A Hearth read from a real hearth.yml that sets a download directory, one category ({@code movies}) and the memory
 * thresholds, on a data dir of its own: what the dashboard must show as coming from the file, read-only.
 */
public class SettingsEditorProfile implements QuarkusTestProfile {
    /** Picked once per JVM and kept in a system property: Quarkus loads this class in its own class loader too. */
    static final Path DIR = Path.of(System.getProperties()
                    .computeIfAbsent(
                            "hearth.test.settings-editor.dir", k -> "target/test-settings-editor/" + UUID.randomUUID())
                    .toString())
            .toAbsolutePath();

    static final int FILE_MEMORY_WARNING = 70;

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Files.createDirectories(DIR.resolve("downloads/movies"));
            Files.createDirectories(DIR.resolve("media"));
            Path yml = DIR.resolve("hearth.yml");
            Files.writeString(yml, """
                    downloads_dir: %1$s/downloads
                    downloads:
                      categories:
                        movies: { save_path: %1$s/downloads/movies }
                    monitoring:
                      thresholds:
                        memory: { warning: %2$d, critical: 85 }
                    """.formatted(DIR, FILE_MEMORY_WARNING));
            return Map.of(
                    "hearth.config",
                    yml.toString(),
                    "hearth.data_dir",
                    DIR.resolve("data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
