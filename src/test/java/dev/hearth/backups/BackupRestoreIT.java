package dev.hearth.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.testing.Await;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore end to end on the packaged Hearth, started by {@code bin/hearth} as a user starts it: what was made
 * after the backup is gone, what was there before is back, Hearth comes back by itself, and a {@code kill -9} of
 * the JVM in the middle of a restore (while it is staged, and halfway through the swap) leaves a usable Hearth.
 */
class BackupRestoreIT {
    private static final String ADMIN = "hth_backup_restore_it_admin_key_0123456789";
    private static final Duration START = Duration.ofSeconds(90);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Process> launched = new ArrayList<>();
    private int port;

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : launched) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    Process launch(Path dir, Map<String, String> extra) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of("bin/hearth").toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("hearth.out").toFile()));
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove(dev.hearth.backups.internal.RestoreJournal.PAUSE_VARIABLE);
        env.put("PATH", "/usr/bin:/bin");
        env.put("HEARTH_PORT", String.valueOf(port));
        env.put("HEARTH_DATA_DIR", dir.resolve("data").toString());
        env.put("HEARTH_CONFIG", dir.resolve("hearth.yml").toString());
        env.put("HEARTH_ADMIN_API_KEY", ADMIN);
        env.putAll(extra);
        Process p = pb.start();
        launched.add(p);
        awaitUp();
        return p;
    }

    void awaitUp() {
        Await.untilTrue(START, "Hearth to answer /api/v1/status", () -> status("/api/v1/status", ADMIN) == 200);
    }

    HttpResponse<String> send(String method, String path, String key, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("X-API-Key", key)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + ": " + e.getMessage(), e);
        }
    }

    int status(String path, String key) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .header("X-API-Key", key)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    JsonNode json(String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> r = send(method, path, ADMIN, body);
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** A key, an alert and a config change, all named for the moment they were made. */
    String makeState(String when) throws Exception {
        String key = json("POST", "/api/v1/keys", Map.of("name", when + "-key", "role", "viewer"), 201)
                .path("key")
                .asText();
        json("POST", "/api/v1/alerts", Map.of("level", "warning", "message", "made " + when), 201);
        json("PATCH", "/api/v1/config", Map.of("domain", when + ".example.org"), 200);
        return key;
    }

    List<String> alertMessages() throws Exception {
        List<String> out = new ArrayList<>();
        json("GET", "/api/v1/alerts?limit=100", null, 200)
                .path("alerts")
                .forEach(a -> out.add(a.path("message").asText()));
        return out;
    }

    String domain() throws Exception {
        return json("GET", "/api/v1/config", null, 200).path("domain").asText();
    }

    void assertStateOf(String when, String keyOfWhen, String otherKey, String other) throws Exception {
        assertEquals(200, status("/api/v1/status", keyOfWhen), "the key made " + when + " works");
        assertEquals(401, status("/api/v1/status", otherKey), "the key made " + other + " is gone");
        List<String> alerts = alertMessages();
        assertTrue(alerts.contains("made " + when), alerts.toString());
        assertFalse(alerts.contains("made " + other), alerts.toString());
        assertEquals(when + ".example.org", domain(), "the run-time config change of " + when);
    }

    long backup(String name) throws Exception {
        return json("POST", "/api/v1/backups", Map.of("name", name), 201)
                .path("backup")
                .path("id")
                .asLong();
    }

    void restoreAsync(long id, String name) {
        HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/backups/" + id + "/restore"))
                        .timeout(Duration.ofMinutes(3))
                        .header("X-API-Key", ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"confirm\":\"" + name + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    JsonNode lastRestore() throws Exception {
        return json("GET", "/api/v1/backups", null, 200).path("last_restore");
    }

    /** kill -9 of the JVM (the launcher's child), as a power cut would; the launcher then ends too. */
    static void killJvm(Process launcher) throws Exception {
        ProcessHandle java = launcher.descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no java process under bin/hearth"));
        assertTrue(java.destroyForcibly(), "SIGKILL sent");
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS), "bin/hearth ends when its JVM is killed");
        assertEquals(137, launcher.exitValue(), "killed by SIGKILL, not restarted");
    }

    void prepare(Path dir) throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(
                dir.resolve("hearth.yml"), "server:\n  host: 127.0.0.1\nrate_limits:\n  default_per_minute: 100000\n");
    }

    @Test
    void aRestoreBringsBackTheBackupForgetsWhatCameAfterAndHearthComesBackByItself(@TempDir Path dir) throws Exception {
        prepare(dir);
        Process hearth = launch(dir, Map.of());
        String before = makeState("before");
        long snap = backup("snap");
        String after = makeState("after");
        backup("later");

        HttpResponse<String> r = send("POST", "/api/v1/backups/" + snap + "/restore", ADMIN, Map.of("confirm", "snap"));
        assertEquals(202, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).path("restoring").asBoolean());
        Await.untilTrue(
                START,
                "Hearth to come back with the restore done",
                () -> status("/api/v1/status", ADMIN) == 200 && outcome().equals("completed"));

        assertTrue(hearth.isAlive(), "the same bin/hearth started Hearth again");
        assertStateOf("before", before, after, "after");
        JsonNode list = json("GET", "/api/v1/backups", null, 200).path("backups");
        List<String> names = new ArrayList<>();
        list.forEach(
                b -> names.add(b.path("name").asText() + ":" + b.path("status").asText()));
        assertTrue(
                names.contains("snap:completed") && names.contains("later:completed"),
                "a backup made after the restored one is still listed, read back from its file: " + names);
        assertTrue(
                Files.readString(dir.resolve("hearth.out")).contains("hearth: starting again to finish the restore"));
        assertFalse(Files.exists(dir.resolve("data/restore/journal.json")));
    }

    @Test
    void aKillDuringStagingLeavesThePreviousStateUsable(@TempDir Path dir) throws Exception {
        prepare(dir);
        Process hearth = launch(dir, Map.of("HEARTH_TEST_RESTORE_PAUSE", "staging"));
        String before = makeState("before");
        long snap = backup("snap");
        String after = makeState("after");
        restoreAsync(snap, "snap");
        Await.untilTrue(
                START, "the restore to be staged", () -> Files.exists(dir.resolve("data/restore/paused-at-staging")));
        killJvm(hearth);

        launch(dir, Map.of());
        assertEquals(200, status("/api/v1/status", before), "keys made before the backup work as they did");
        assertEquals(200, status("/api/v1/status", after), "and so do those made after it: nothing was restored");
        assertTrue(
                alertMessages().containsAll(List.of("made before", "made after")),
                alertMessages().toString());
        assertEquals("after.example.org", domain());
        assertEquals("discarded", lastRestore().path("outcome").asText());
        assertFalse(Files.exists(dir.resolve("data/restore/staged")), "the staging is thrown away");
    }

    @Test
    void aKillHalfwayThroughTheSwapIsFinishedByTheNextStart(@TempDir Path dir) throws Exception {
        prepare(dir);
        Process hearth = launch(dir, Map.of("HEARTH_TEST_RESTORE_PAUSE", "swap"));
        String before = makeState("before");
        long snap = backup("snap");
        String after = makeState("after");
        HttpResponse<String> r = send("POST", "/api/v1/backups/" + snap + "/restore", ADMIN, Map.of("confirm", "snap"));
        assertEquals(202, r.statusCode(), r.body());
        // bin/hearth starts the JVM again; that start pauses after the first rename: the database is the backup's, its
        // old WAL still beside it
        Await.untilTrue(
                START,
                "the swap to stop after its first step",
                () -> Files.exists(dir.resolve("data/restore/paused-at-swap")));
        killJvm(hearth);

        launch(dir, Map.of());
        assertEquals("completed", lastRestore().path("outcome").asText());
        assertStateOf("before", before, after, "after");
    }

    /** The outcome of the restore the running Hearth finished at its start, or "" (also while it is not up). */
    String outcome() {
        try {
            return lastRestore().path("outcome").asText("");
        } catch (Exception | AssertionError e) {
            return "";
        }
    }
}
