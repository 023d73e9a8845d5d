package dev.hearth.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.testing.Waits;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, points 6 and 10, against the packaged Hearth started by {@code bin/hearth} as a user starts it,
 * supervising a real {@code python3 -m http.server} that first prints its environment:
 * <ul>
 * <li>the program's environment holds PATH, HOME, LANG, TZ and its own variables, and none of Hearth's
 *     (the admin key, a {@code ${VAR}} secret of hearth.yml, any HEARTH_ variable);</li>
 * <li>Hearth's JVM killed with SIGKILL alone (as the OOM killer does) leaves the program running and serving;
 *     the next Hearth adopts it — exactly one copy on the port, reported running with its pid — and what it
 *     printed meanwhile is in its log;</li>
 * <li>killed again and restarted with the program's configuration changed, Hearth stops the old copy and
 *     starts one new one; a normal stop of Hearth then stops it.</li>
 * </ul>
 */
class ProcessAdoptionIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_KEY = "hth_adoption_test_admin_key_0123456789abcdef";
    private static final String YAML_SECRET = "webhook-secret-from-the-environment-4711";

    private static Optional<HttpResponse<String>> get(int port, String path) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5))
                    .header("X-API-Key", ADMIN_KEY)
                    .build();
            return Optional.of(HTTP.send(r, HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static JsonNode json(int port, String path) {
        HttpResponse<String> r = get(port, path).orElseThrow(() -> new IllegalStateException("no answer from " + path));
        if (r.statusCode() != 200)
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void writeConfig(Path config, int webPort, String own) throws Exception {
        Files.writeString(config, """
                server:
                  host: 127.0.0.1
                downloads:
                  webhook_secret: "${HEARTH_IT_WEBHOOK_SECRET}"
                services:
                  - name: web
                    url: http://127.0.0.1:%1$d
                    runtime:
                      process:
                        command: [sh, -c, "env | sort; exec python3 -m http.server %1$d --bind 127.0.0.1"]
                        env: { OWN_SETTING: "%2$s" }
                        stop_timeout: 5s
                """.formatted(webPort, own));
    }

    /** bin/hearth as a user runs it, with the JVM flags given (so the script execs the JVM: its pid is Hearth's). */
    private static Process startHearth(Path dir, Path config, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of("bin/hearth").toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("hearth.out").toFile()));
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("LANG", "C.UTF-8");
        env.put("TZ", "Europe/Berlin");
        env.put("HEARTH_PORT", String.valueOf(port));
        env.put("HEARTH_DATA_DIR", dir.resolve("state").toString());
        env.put("HEARTH_CONFIG", config.toString());
        env.put("HEARTH_ADMIN_API_KEY", ADMIN_KEY);
        env.put("HEARTH_IT_WEBHOOK_SECRET", YAML_SECRET);
        env.put("HEARTH_JAVA_OPTS", "-XX:+UseSerialGC -Xmx192m --enable-native-access=ALL-UNNAMED");
        Process hearth = pb.start();
        Waits.until(
                "Hearth to answer /health",
                Duration.ofSeconds(90),
                () -> get(port, "/health").map(HttpResponse::statusCode).orElse(0),
                s -> s == 200);
        return hearth;
    }

    private static JsonNode awaitRunning(int port) {
        return Waits.until(
                "the web service running",
                Duration.ofSeconds(30),
                () -> json(port, "/api/v1/services/web/status"),
                s -> s.path("running").asBoolean() && s.path("pid").isNumber());
    }

    /** Every process on this machine running the program on that port. */
    private static List<Long> copiesServing(int webPort) {
        String marker = "http.server " + webPort;
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"))
                        .replace('\0', ' ');
                if (cmdline.contains(marker) && cmdline.contains("python3")) pids.add(p.pid());
            } catch (Exception gone) {
                // ended meanwhile
            }
        });
        return pids;
    }

    private static boolean serves(int webPort, String path) {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + path))
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> logLines(int port) {
        List<String> lines = new ArrayList<>();
        json(port, "/api/v1/services/web/logs?tail=500")
                .path("lines")
                .forEach(l -> lines.add(l.path("text").asText()));
        return lines;
    }

    /** Alive and not a zombie (an orphan's end is reaped by init, whenever init gets to it). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (Exception gone) {
            return false;
        }
    }

    /**
     * Kills Hearth's JVM alone, as the OOM killer would: bin/hearth runs it as its child (so that a restore can
     * start it again), and the script, seeing its child killed, ends with the same status.
     */
    private static void killHard(Process hearth) throws Exception {
        ProcessHandle jvm = hearth.descendants()
                .filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no JVM below bin/hearth: " + hearth.info().command()));
        new ProcessBuilder("kill", "-9", Long.toString(jvm.pid())).start().waitFor(10, TimeUnit.SECONDS);
        assertTrue(hearth.waitFor(20, TimeUnit.SECONDS), "the JVM is gone, and the script with it");
        assertFalse(jvm.isAlive(), "the JVM is gone");
        assertEquals(137, hearth.exitValue(), "killed by SIGKILL");
    }

    @Test
    void aKilledHearthLeavesNoUnwatchedProgramAndItsProgramSeesNoneOfItsSecrets(@TempDir Path dir) throws Exception {
        int port = freePort();
        int webPort = freePort();
        Path config = dir.resolve("hearth.yml");
        writeConfig(config, webPort, "mine");
        List<Long> started = new ArrayList<>();
        Process hearth = startHearth(dir, config, port);
        try {
            long pid = awaitRunning(port).path("pid").asLong();
            started.add(pid);
            Waits.until("the program serving", Duration.ofSeconds(20), () -> serves(webPort, "/"));

            // Point 6: the environment it printed, read back through Hearth's API.
            Map<String, String> env = new TreeMap<>();
            Waits.until(
                            "its environment in its log",
                            Duration.ofSeconds(10),
                            () -> logLines(port),
                            l -> l.stream().anyMatch(x -> x.startsWith("PATH=")))
                    .stream()
                    .filter(l -> l.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
                    .forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
            // Hearth's PATH as bin/hearth leaves it (it puts the JDK it found first).
            assertTrue(env.get("PATH").endsWith("/usr/bin:/bin"), env.toString());
            assertEquals(dir.toString(), env.get("HOME"));
            assertEquals("C.UTF-8", env.get("LANG"));
            assertEquals("Europe/Berlin", env.get("TZ"));
            assertEquals("mine", env.get("OWN_SETTING"));
            assertFalse(
                    env.keySet().stream().anyMatch(k -> k.startsWith("HEARTH_")),
                    "Hearth's variables reached the program: " + env.keySet());
            assertFalse(env.containsValue(ADMIN_KEY), "the admin key reached the program");
            assertFalse(
                    env.values().stream().anyMatch(v -> v.contains(YAML_SECRET)),
                    "a ${VAR} secret of hearth.yml reached the program");

            // Point 10: the OOM killer's way — the JVM alone, SIGKILL, no shutdown hook.
            killHard(hearth);
            assertTrue(running(pid), "the program outlives Hearth");
            // It keeps serving and logging while Hearth is away: into its output file, not into a dead pipe.
            assertTrue(serves(webPort, "/while-hearth-was-away"));

            hearth = startHearth(dir, config, port);
            JsonNode status = awaitRunning(port);
            assertEquals(pid, status.path("pid").asLong(), "the running program is adopted: " + status);
            assertTrue(status.path("message").asText().contains("adopted"), status.toString());
            assertEquals(List.of(pid), copiesServing(webPort), "exactly one copy");
            assertTrue(serves(webPort, "/"));
            try {
                Waits.until(
                        "what it printed while Hearth was away, in its log",
                        Duration.ofSeconds(10),
                        () -> logLines(port),
                        l -> l.stream().anyMatch(x -> x.contains("GET /while-hearth-was-away")));
            } catch (AssertionError e) {
                Path spool = dir.resolve("state/services/web/spool");
                throw new AssertionError(
                        e.getMessage() + "\nstderr spool: " + Files.readString(spool.resolve("stderr")) + "\noffset: "
                                + (Files.exists(spool.resolve("stderr.offset"))
                                        ? Files.readString(spool.resolve("stderr.offset"))
                                        : "none"),
                        e);
            }
            // Still one copy a moment later: no crash loop of a second one fighting over the port.
            assertEquals(
                    "running",
                    json(port, "/api/v1/services/web/status").path("state").asText());
            assertEquals(List.of(pid), copiesServing(webPort));

            // Killed again, and the program's configuration changed meanwhile: the old copy is stopped, one new one
            // runs.
            killHard(hearth);
            writeConfig(config, webPort, "changed");
            hearth = startHearth(dir, config, port);
            long fresh = Waits.until(
                            "a new copy running",
                            Duration.ofSeconds(30),
                            () -> json(port, "/api/v1/services/web/status"),
                            s -> s.path("running").asBoolean() && s.path("pid").asLong() != pid)
                    .path("pid")
                    .asLong();
            started.add(fresh);
            assertFalse(running(pid), "the copy started under the old configuration is stopped");
            assertEquals(List.of(fresh), copiesServing(webPort), "exactly one copy");
            Waits.until("the new copy serving", Duration.ofSeconds(20), () -> serves(webPort, "/"));

            // An orderly stop of Hearth stops its program.
            hearth.destroy();
            assertTrue(hearth.waitFor(30, TimeUnit.SECONDS), "Hearth stops on SIGTERM");
            Waits.until(
                    "no copy left",
                    Duration.ofSeconds(10),
                    () -> copiesServing(webPort).isEmpty());
        } finally {
            if (hearth.isAlive()) {
                hearth.destroyForcibly();
                hearth.waitFor(20, TimeUnit.SECONDS);
            }
            for (long p : copiesServing(webPort)) ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly);
            for (long p : started) ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
