package dev.hearth.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key that docs/configuration.md does not describe fails the build: the docs cannot fall behind. */
class ConfigDocumentationTest {
    @Test
    void everyConfigKeyIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("docs/configuration.md"));
        List<String> missing = ConfigSchema.keys().stream()
                .map(ConfigSchema.Key::path)
                .filter(path -> !docs.contains("| `" + path + "` |"))
                .toList();
        assertEquals(List.of(), missing, "keys missing from the table in docs/configuration.md");
    }
}
