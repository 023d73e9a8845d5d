package dev.hearth.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import dev.hearth.testing.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Remote administration through its REST door, as attackers and as its admin would use it. */
@QuarkusTest
@TestProfile(RemoteAdminProfile.class)
class RemoteAdminApiTest {

    static io.restassured.specification.RequestSpecification proxied(String user, String groups) {
        // forward-auth is an ambient credential: a change must come from this site (CSRF), as a browser's would
        return Api.anonymous()
                .header("Remote-User", user)
                .header("Remote-Groups", groups)
                .header("Origin", "http://localhost:" + io.restassured.RestAssured.port);
    }

    @Test
    void everyRouteRefusesViewersOperatorsForwardAuthNonAdminsAndCallersWithoutCredentials() {
        List<String> routes = AdminRoutes.all();
        assertTrue(routes.size() >= 15, routes.toString());
        for (String route : routes) {
            Response anonymous = AdminRoutes.call(Api.anonymous(), route);
            assertEquals(401, anonymous.statusCode(), route);
            for (var caller : Map.of(
                            "viewer key",
                            Api.as("viewer"),
                            "operator key",
                            Api.as("operator"),
                            "forward-auth user",
                            proxied("bob", "users"),
                            "forward-auth operator",
                            proxied("olga", "operators"))
                    .entrySet()) {
                Response r = AdminRoutes.call(caller.getValue(), route);
                assertEquals(403, r.statusCode(), route + " as " + caller.getKey());
                assertEquals("FORBIDDEN", r.path("error.code"), route);
            }
            for (var caller : List.of(Api.admin(), proxied("ann", "users,admins"))) {
                Response r = AdminRoutes.call(caller, route);
                assertTrue(
                        r.statusCode() != 401 && r.statusCode() != 403 && r.statusCode() < 500,
                        route + " as admin: " + r.statusCode() + " " + r.asString());
            }
        }
    }

    @Test
    void aCommandIsAuditedWithItsInputCutAndCountsInItsOwnRateLimitGroup() {
        String longArgument = "a".repeat(10_000);
        Response r = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("command", "echo " + longArgument))
                .post("/api/v1/admin/shell");
        r.then().statusCode(200);
        assertEquals(longArgument + "\n", r.path("stdout"));
        assertEquals(Boolean.TRUE, r.path("success"));
        assertEquals(0, (int) r.path("code"));
        assertEquals(
                String.valueOf(RemoteAdminProfile.RATE_LIMIT),
                r.header("X-RateLimit-Limit"),
                "the remote_admin rate limit group");
        List<Map<String, Object>> entries = Api.admin()
                .get("/api/v1/audit?limit=20")
                .then()
                .statusCode(200)
                .extract()
                .path("entries");
        Map<String, Object> audited = entries.stream()
                .filter(e -> "admin.shell".equals(e.get("action")))
                .findFirst()
                .orElseThrow();
        assertEquals("rest", audited.get("door"));
        assertEquals("ok", audited.get("outcome"));
        String params = String.valueOf(audited.get("params"));
        assertTrue(params.length() <= 4096 && params.contains("more)"), "input cut: " + params.length());
        List<Map<String, Object>> history = Api.admin()
                .get("/api/v1/admin/history?limit=50")
                .then()
                .statusCode(200)
                .extract()
                .path("history");
        assertTrue(
                history.stream()
                        .anyMatch(h -> "shell".equals(h.get("type"))
                                && String.valueOf(h.get("input")).startsWith("echo aaa")),
                "in the history");
    }

    @Test
    void theEnvironmentOfACommandAndOfPythonHoldsNoSecretOfHearth() {
        String env = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("command", "env"))
                .post("/api/v1/admin/shell")
                .then()
                .statusCode(200)
                .extract()
                .path("stdout");
        Set<String> names = env.lines().map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toSet());
        assertTrue(Set.of("PATH", "HOME", "LANG", "TZ").containsAll(names), "only PATH, HOME, LANG, TZ: " + names);
        assertFalse(env.contains(Api.ADMIN_KEY), "the admin key of the test config is not there");
        String python = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("code", "import os\nprint(sorted(os.environ.items()))"))
                .post("/api/v1/admin/python/execute")
                .then()
                .statusCode(200)
                .extract()
                .path("output");
        assertFalse(python.contains("HEARTH") || python.contains(Api.ADMIN_KEY), python);
    }

    @Test
    void aForkBombWithoutAShellIsKilledAtItsTimeLimitWhileHearthKeepsAnswering() throws Exception {
        // the console's Python worker lives in the workspace too (by design): stop it, so what is left there is the
        // bomb's
        Api.admin().post("/api/v1/admin/python/restart").then().statusCode(200);
        Waits.until(
                "the workspace is quiet",
                Duration.ofSeconds(10),
                () -> Workspaces.processesIn(RemoteAdminProfile.workspace()).isEmpty());
        String bomb =
                "python3 -c \"import os, time\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        time.sleep(0.01)\"";
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<Response> running = pool.submit(() -> Api.admin()
                    .contentType(ContentType.JSON)
                    .body(Map.of("command", bomb, "timeout", 4))
                    .post("/api/v1/admin/shell"));
            Waits.until(
                    "the bomb runs",
                    Duration.ofSeconds(10),
                    () -> Workspaces.processesIn(RemoteAdminProfile.workspace()).size() > 10);
            long start = System.nanoTime();
            Api.as("viewer").get("/api/v1/status").then().statusCode(200);
            long statusMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(statusMs < 3000, "Hearth answered its status in " + statusMs + " ms during the bomb");
            Response r = running.get();
            r.then().statusCode(200);
            assertEquals(Boolean.TRUE, r.path("timed_out"));
            assertEquals(Boolean.FALSE, r.path("success"));
            assertEquals(
                    List.of(),
                    Workspaces.processesIn(RemoteAdminProfile.workspace()),
                    "no process of the bomb is left");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyMegabytesOfOutputAreAnsweredAsOneWithTruncatedSet() {
        Response r = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("command", "seq 1 7000000", "timeout", 30))
                .post("/api/v1/admin/shell");
        r.then().statusCode(200);
        String out = r.path("stdout");
        assertEquals(1024 * 1024, out.length());
        assertTrue(out.startsWith("1\n2\n3\n"));
        assertEquals(Boolean.TRUE, r.path("truncated"));
        assertEquals(Boolean.TRUE, r.path("success"));
    }

    @Test
    void pythonKeepsVariablesAndARunawayLoopSaysTheyAreLost() {
        Response first = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("code", "answer = 42\nprint('hi')"))
                .post("/api/v1/admin/python/execute");
        first.then().statusCode(200);
        assertEquals("hi\n", first.path("output"));
        assertEquals(42, (int) first.path("variables.answer.value"));
        assertEquals("int", first.path("variables.answer.type"));
        assertEquals(42, (int) Api.admin()
                .get("/api/v1/admin/python/variables")
                .then()
                .statusCode(200)
                .extract()
                .path("variables.answer.value"));
        Response loop = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("code", "while True: pass", "timeout", 2))
                .post("/api/v1/admin/python/execute");
        assertEquals(Boolean.TRUE, loop.path("timed_out"));
        assertEquals(Boolean.TRUE, loop.path("worker_restarted"));
        assertTrue(String.valueOf((Object) loop.path("error")).contains("variables are lost"));
        assertEquals(
                Map.of(),
                Api.admin()
                        .get("/api/v1/admin/python/variables")
                        .then()
                        .extract()
                        .path("variables"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("code", "gone = 1"))
                .post("/api/v1/admin/python/execute")
                .then()
                .statusCode(200);
        Api.admin()
                .delete("/api/v1/admin/python/variables/gone")
                .then()
                .statusCode(200)
                .body("deleted", org.hamcrest.Matchers.equalTo("gone"));
        Api.admin().delete("/api/v1/admin/python/variables/gone").then().statusCode(404);
        Api.admin()
                .post("/api/v1/admin/python/restart")
                .then()
                .statusCode(200)
                .body("stopped", org.hamcrest.Matchers.equalTo(true));
        Waits.until(
                "the worker is gone",
                Duration.ofSeconds(10),
                () -> Workspaces.processesIn(RemoteAdminProfile.workspace()).isEmpty());
    }

    @Test
    void aJobRunsInTheBackgroundAndReportsItsResultAndTimes() {
        String id = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("code", "import time\ntime.sleep(0.5)\nprint('Done')"))
                .post("/api/v1/admin/jobs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Response done = Waits.until(
                "the job is done",
                Duration.ofSeconds(30),
                () -> Api.admin().get("/api/v1/admin/jobs/" + id),
                r -> "done".equals(r.path("status")));
        assertEquals("Done\n", done.path("result"));
        assertNotNull(done.path("created_at"));
        assertNotNull(done.path("finished_at"));
        List<String> ids = Api.admin()
                .get("/api/v1/admin/jobs")
                .then()
                .statusCode(200)
                .extract()
                .path("jobs.id");
        assertTrue(ids.contains(id));
    }

    @Test
    void anUploadRacingADownloadOfTheSameNameNeverServesHalfAFile() throws Exception {
        byte[] a = "A".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);
        byte[] b = "B".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);
        upload("race.bin", a).then().statusCode(201);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 30; i++)
                    upload("race.bin", i % 2 == 0 ? b : a).then().statusCode(201);
            });
            Future<?> reader = pool.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    Response r = Api.admin().get("/api/v1/admin/files/content?path=race.bin");
                    assertEquals(200, r.statusCode());
                    byte[] body = r.asByteArray();
                    String kind = java.util.Arrays.equals(body, a)
                            ? "A"
                            : java.util.Arrays.equals(body, b) ? "B" : "torn:" + body.length;
                    seen.add(kind);
                }
            });
            writer.get();
            reader.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, seen.size());
        assertTrue(
                seen.stream().allMatch(k -> k.equals("A") || k.equals("B")),
                "every download was one whole version: " + seen);
        Response r = Api.admin().get("/api/v1/admin/files/content?path=race.bin");
        assertTrue(
                r.header("Content-Disposition").startsWith("attachment; filename=\"race.bin\""),
                r.header("Content-Disposition"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    @Test
    void pathEscapesThroughTheApiAreRefusedAndWriteNothingOutside() throws Exception {
        Path outside = RemoteAdminProfile.base().resolve("outside");
        for (String path : List.of("../outside", "/etc", "..%2F..%2Fetc", "%2e%2e/outside")) {
            Response r = Api.admin().queryParam("path", path).get("/api/v1/admin/files");
            assertTrue(
                    r.statusCode() == 400 || r.statusCode() == 403 || r.statusCode() == 404,
                    path + ": " + r.statusCode());
            assertNotNull(r.path("error.code"), path);
        }
        Response raw =
                Api.admin().urlEncodingEnabled(false).get("/api/v1/admin/files/content?path=%252e%252e%252foutside");
        assertEquals(400, raw.statusCode(), raw.asString());
        Response evilName = Api.admin()
                .multiPart("file", "../outside/evil.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/admin/files");
        assertEquals(400, evilName.statusCode(), evilName.asString());
        Response evilDir = Api.admin()
                .multiPart("file", "evil.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("path", "../outside")
                .post("/api/v1/admin/files");
        assertEquals(400, evilDir.statusCode(), evilDir.asString());
        try (var files = Files.list(outside)) {
            assertEquals(List.of(), files.toList(), "nothing was written outside the roots");
        }
    }

    @Test
    void theConfigApiCannotTurnRemoteAdministrationOnOffOrWiden() {
        for (String change : List.of(
                "{\"remote_admin\": {\"shell\": true}}",
                "{\"remote_admin\": {\"enabled\": false}}",
                "{\"remote_admin\": {\"file_roots\": [\"/\"]}}",
                "{\"remote_admin\": {\"allow_chat\": true}}")) {
            Response r = Api.admin().contentType(ContentType.JSON).body(change).patch("/api/v1/config");
            assertEquals(400, r.statusCode(), change + ": " + r.asString());
            assertTrue(
                    String.valueOf((Object) r.path("error.message")).contains("cannot be changed here"), r.asString());
        }
    }

    static Response upload(String name, byte[] content) {
        return Api.admin()
                .multiPart("file", name, content, "application/octet-stream")
                .post("/api/v1/admin/files");
    }
}
