package dev.hearth.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigSchema;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteAdminConfigTest {
    @TempDir
    Path dataDir;

    @Test
    void offByDefaultWithTheDocumentedDefaults() {
        RemoteAdminConfig c = TestConfig.sqlite(dataDir).current().section(RemoteAdminConfig.class);
        assertFalse(c.enabled());
        assertFalse(c.shell());
        assertFalse(c.allowChat());
        assertEquals("nobody", c.runAs());
        assertEquals(1024 * 1024, c.maxOutput().bytes());
        assertTrue(
                ConfigSchema.load().keys().stream()
                        .filter(k -> k.path().startsWith("remote_admin."))
                        .noneMatch(ConfigSchema.Key::changeable),
                "no key of the section can be changed through the config API");
    }

    @Test
    void turnedOnItNeedsAnAbsoluteWorkspaceAndNeverRunsAsRoot() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> TestConfig.with(
                        dataDir,
                        Map.of(
                                "hearth.remote_admin.enabled",
                                "true",
                                "hearth.remote_admin.run_as",
                                "root",
                                "hearth.remote_admin.file_roots",
                                "[\"/\"]",
                                "hearth.remote_admin.timeout",
                                "20m")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("remote_admin.workspace: must name an absolute directory"), all);
        assertTrue(all.contains("remote_admin.run_as: must not be root"), all);
        assertTrue(all.contains("remote_admin.file_roots[0]"), all);
        assertTrue(all.contains("remote_admin.timeout: must not be longer than max_timeout"), all);
    }
}
