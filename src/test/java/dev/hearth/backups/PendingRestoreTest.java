package dev.hearth.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up probe finds the data dir where the configuration would: property, environment, the file, the default. */
class PendingRestoreTest {
    @Test
    void theDataDirIsFoundAsTheConfigurationFindsIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("hearth.yml"),
                "server:\n  data_dir: nested-is-not-it\ndata_dir: \"${STATE:-/var/lib/hearth}\"  # where\n");
        assertEquals(
                Path.of("/var/lib/hearth"),
                PendingRestore.dataDir(TestConfig.environment(Map.of("hearth.config", file.toString()), Map.of())));
        assertEquals(
                Path.of("/srv/state"),
                PendingRestore.dataDir(TestConfig.environment(
                        Map.of("hearth.config", file.toString()), Map.of("STATE", "/srv/state"))));
        assertEquals(
                Path.of("/explicit"),
                PendingRestore.dataDir(TestConfig.environment(
                        Map.of("hearth.config", file.toString(), "hearth.data_dir", "/explicit"), Map.of())));
        assertEquals(
                Path.of("./data"),
                PendingRestore.dataDir(TestConfig.environment(
                        Map.of("hearth.config", dir.resolve("none.yml").toString()), Map.of())));
    }

    @Test
    void aJournalInTheDataDirIsFound(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("restore"));
        Files.writeString(dir.resolve("restore/journal.json"), "{}");
        assertTrue(PendingRestore.find(TestConfig.environment(Map.of("hearth.data_dir", dir.toString()), Map.of()))
                .isPresent());
        assertTrue(PendingRestore.in(dir));
    }
}
