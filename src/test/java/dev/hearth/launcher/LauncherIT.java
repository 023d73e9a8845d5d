package dev.hearth.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Await;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, for real: {@code bin/hearth} on the packaged build, with the default
 * {@code java} on PATH (17 here) and no JAVA_HOME, configured only through the documented variables.
 */
class LauncherIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static HttpResponse<String> get(int port, String path, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5));
            headers.forEach(b::header);
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** bin/hearth as a user starts it: default java on PATH, no JAVA_HOME, settings by the documented variables. */
    private static ProcessBuilder launcher(Path dir, Path config, Path data, int port) {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of("bin/hearth").toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("hearth.out").toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.put("PATH", "/usr/bin:/bin");
        env.put("HEARTH_PORT", String.valueOf(port));
        env.put("HEARTH_DATA_DIR", data.toString());
        env.put("HEARTH_CONFIG", config.toString());
        env.put("HEARTH_ADMIN_API_KEY", "hth_launcher_test_admin_key_of_32_characters");
        return pb;
    }

    @Test
    void aBadConfigFileStopsThePackagedHearthWithOneLineAndNothingElse(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("hearth.yml");
        Files.writeString(config, "downloads:\n  poll_interval: soon\n");
        Path data = dir.resolve("state");
        Process hearth = launcher(dir, config, data, freePort()).start();
        assertTrue(hearth.waitFor(60, TimeUnit.SECONDS), "Hearth should stop at once");
        assertEquals(2, hearth.exitValue());
        // The JVM's own notices are not Hearth's: its warnings, and the line a first start's cache recording prints.
        List<String> out = Files.readAllLines(dir.resolve("hearth.out")).stream()
                .filter(l -> !l.startsWith("WARNING") && !l.strip().startsWith("AOTConfiguration recorded"))
                .toList();
        assertEquals(1, out.size(), String.join("\n", out));
        assertEquals(
                "hearth: configuration error: " + config
                        + ": downloads.poll_interval: 'soon' is not a duration like 30s, 15m, 1h30m or 7d",
                out.getFirst());
        assertFalse(Files.exists(data.resolve("hearth.db")), "nothing is created for a configuration that was refused");
        assertFalse(Files.exists(data.resolve("initial-credentials.txt")));
        assertFalse(
                Files.exists(Path.of("target/quarkus-app/hearth.aot.conf")),
                "a refused start leaves no start-up recording");
    }

    @Test
    void theLogLevelFromTheConfigFileHoldsFromTheFirstLine(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path config = dir.resolve("hearth.yml");
        Files.writeString(config, "server:\n  host: 127.0.0.1\nlogs:\n  level: WARN\n");
        Process hearth = launcher(dir, config, dir.resolve("state"), port).start();
        try {
            Await.untilTrue(Duration.ofSeconds(60), "Hearth to answer /health", () -> {
                HttpResponse<String> r = get(port, "/health", Map.of());
                return r != null && r.statusCode() == 200;
            });
        } finally {
            hearth.destroy();
            assertTrue(hearth.waitFor(20, TimeUnit.SECONDS), "Hearth stops on SIGTERM");
        }
        String out = Files.readString(dir.resolve("hearth.out"));
        assertFalse(out.contains(" INFO "), "no INFO line at level WARN:\n" + out);
        assertTrue(out.contains("==== Hearth first start ===="), "the first-start notice is printed, not logged");
    }

    @Test
    void binHearthStartsWithTheDocumentedVariablesAndStopsCleanly(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path config = dir.resolve("my-hearth.yml");
        Files.writeString(config, "domain: home.example.org\nserver:\n  host: 127.0.0.1\n");
        Path data = dir.resolve("state");
        Process hearth = launcher(dir, config, data, port).start();
        try {
            Await.untilTrue(Duration.ofSeconds(60), "Hearth to answer /health", () -> {
                HttpResponse<String> r = get(port, "/health", Map.of());
                return r != null && r.statusCode() == 200;
            });
            Map<String, String> admin = Map.of("X-API-Key", "hth_launcher_test_admin_key_of_32_characters");
            assertEquals(200, get(port, "/api/v1/status", admin).statusCode());
            assertEquals(401, get(port, "/api/v1/status", Map.of()).statusCode());
            assertTrue(get(port, "/api/v1/config", admin).body().contains("\"domain\":\"home.example.org\""));
            Path credentials = data.resolve("initial-credentials.txt");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
            assertTrue(Files.readString(credentials).contains("Browser login:  admin / "));
            assertTrue(Files.exists(data.resolve("hearth.db")));
        } finally {
            hearth.destroy();
            assertTrue(hearth.waitFor(20, TimeUnit.SECONDS), "Hearth stops on SIGTERM");
        }
        String out = Files.readString(dir.resolve("hearth.out"));
        assertTrue(out.contains("Listening on: http://127.0.0.1:" + port), out);
        assertFalse(out.contains("hth_launcher_test_admin_key_of_32_characters"), "the chosen key is never printed");
    }
}
