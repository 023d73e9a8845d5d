package dev.hearth.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real entry point in its own JVM with a bad file: one line naming the key, exit code 2, no stack trace. */
class StartupErrorTest {
    @Test
    void aBadConfigFileStopsStartUpWithOneLineNamingTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hearth.yml");
        Files.writeString(file, "server:\n  port: not-a-port\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                        java.toString(), "-cp", System.getProperty("java.class.path"), "dev.hearth.Hearth")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HEARTH_CONFIG", file.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Hearth should stop at once");
        assertEquals(2, p.exitValue());
        List<String> err = Files.readAllLines(dir.resolve("err.txt")).stream()
                .filter(l -> !l.startsWith("WARNING"))
                .toList();
        assertEquals(
                List.of("hearth: configuration error: " + file
                        + ": server.port: 'not-a-port' is not a valid whole number"),
                err);
        assertEquals("", Files.readString(dir.resolve("out.txt")).trim());
    }

    @Test
    void anAdminKeyShorterThan32CharactersStopsStartUpWithOneLineThatDoesNotShowIt(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                        java.toString(), "-cp", System.getProperty("java.class.path"), "dev.hearth.Hearth")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HEARTH_ADMIN_API_KEY", "hth_short_key_123");
        pb.environment().put("HEARTH_DATA_DIR", dir.resolve("data").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Hearth should stop at once");
        assertEquals(2, p.exitValue());
        List<String> err = Files.readAllLines(dir.resolve("err.txt")).stream()
                .filter(l -> !l.startsWith("WARNING"))
                .toList();
        assertEquals(1, err.size(), err.toString());
        assertTrue(
                err.getFirst().startsWith("hearth: configuration error: ")
                        && err.getFirst().contains("security.admin_api_key")
                        && err.getFirst().contains("HEARTH_ADMIN_API_KEY")
                        && err.getFirst().contains("32"),
                err.getFirst());
        assertTrue(!err.getFirst().contains("hth_short_key_123"), "the key itself is not shown");
    }
}
