package dev.hearth.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.NotifierKinds;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A key that docs/configuration.md does not describe fails the build: the docs cannot fall behind. The keys
 * come from the records — the platform's, every registered section's, and every kind's settings.
 */
class ConfigDocumentationTest {
    private static boolean ofTheApplication(Object kind) {
        return !kind.getClass().getName().startsWith("dev.hearth.fakes.");
    }

    @Test
    void everyConfigKeyIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("docs/configuration.md"));
        List<String> missing = ConfigSchema.load().keys().stream()
                // a service's credentials are documented per integration kind, below
                .filter(k -> !k.path().startsWith("services[].credentials."))
                .filter(k -> k.variant().isEmpty()
                        || NotifierKinds.load()
                                .find(k.variant())
                                .filter(ConfigDocumentationTest::ofTheApplication)
                                .isPresent())
                .map(ConfigSchema.Key::path)
                .filter(path -> !docs.contains("| `" + path + "` |"))
                .toList();
        assertEquals(List.of(), missing, "keys missing from the table in docs/configuration.md");
    }

    /** Each kind has a row in its table: its id, its documentation line's facts, and every setting of its record. */
    @Test
    void everyKindAndItsSettingsAreDocumented() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docs/configuration.md"));
        List<String> missing = new ArrayList<>();
        for (IntegrationKind<?> k : IntegrationKinds.load().all()) {
            if (!ofTheApplication(k)) continue;
            String row = lines.stream()
                    .filter(l -> l.startsWith("| `" + k.id() + "` |"))
                    .findFirst()
                    .orElse(null);
            if (row == null) {
                missing.add("integration " + k.id());
                continue;
            }
            for (var c : k.settings().getRecordComponents()) {
                if (!row.contains("`" + ConfigSchema.snake(c.getName()) + "`"))
                    missing.add("integration " + k.id() + ": credentials." + ConfigSchema.snake(c.getName()));
            }
        }
        for (NotifierKind<?> k : NotifierKinds.load().all()) {
            if (!ofTheApplication(k)) continue;
            if (lines.stream().noneMatch(l -> l.startsWith("| `" + k.type() + "` |")))
                missing.add("channel type " + k.type());
            for (String scheme : k.schemes()) {
                if (lines.stream()
                        .noneMatch(l -> l.startsWith("| `" + k.type() + "` |") && l.contains("`" + scheme + "://"))) {
                    missing.add("channel type " + k.type() + ": URL scheme " + scheme);
                }
            }
        }
        assertEquals(List.of(), missing, "kinds missing from the tables in docs/configuration.md");
    }
}
