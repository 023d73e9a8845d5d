package dev.hearth.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.notify.NotificationsConfig;
import dev.hearth.notify.NotifierKinds;
import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.plugins.PluginJars;
import dev.hearth.testing.TestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration as Hearth.main and the application read it knows the enabled plugins' kinds: the example
 * plugin's channel kind {@code echo} is accepted in hearth.yml (with the plugin that throws when made in the same
 * directory and one whose channel kind throws when made, which stop nothing), and while that plugin is switched
 * off the same line is an error naming it.
 */
class PluginKindsConfigTest {
    @TempDir
    static Path shared;

    static Path jars;

    @BeforeAll
    static void buildPlugins() {
        jars = shared.resolve("jars");
        ExamplePlugins.writeAll(jars);
    }

    private static ConfigService config(Path dataDir) {
        return TestConfig.with(
                dataDir,
                Map.of(
                        "hearth.plugins.directory",
                        jars.toString(),
                        "hearth.notifications.channels",
                        "[{\"name\": \"echoes\", \"type\": \"echo\", \"echo\": {\"prefix\": \"> \"}}]"));
    }

    @Test
    void anEnabledPluginsChannelKindIsAcceptedInTheConfiguration(@TempDir Path dataDir) {
        var channel = config(dataDir)
                .current()
                .section(NotificationsConfig.class)
                .channels()
                .getFirst();
        assertEquals("echo", channel.type());
        assertEquals("> ", channel.block().path("prefix").asText());
    }

    @Test
    void aPluginWhoseKindThrowsWhenMadeIsSkippedAndTheOthersCount(@TempDir Path dataDir) {
        NotifierKinds kinds = NotifierKinds.load(PluginJars.open(jars, dataDir.resolve("plugins.json")));
        assertTrue(kinds.types().contains("echo"), kinds.types().toString());
        assertTrue(kinds.types().contains("telegram"), "Hearth's own kinds are there too");
        assertFalse(kinds.types().contains("brokenkind"), kinds.types().toString());
    }

    @Test
    void aDisabledPluginsKindIsAConfigurationErrorNamingThePlugin(@TempDir Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("plugins.json"), "{\"disabled\": [\"hello\"]}");
        ConfigException e = assertThrows(ConfigException.class, () -> config(dataDir));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("notifications.channels[0].type"), all);
        assertTrue(all.contains("'echo'") && all.contains("plugin 'hello'") && all.contains("disabled"), all);
    }
}
