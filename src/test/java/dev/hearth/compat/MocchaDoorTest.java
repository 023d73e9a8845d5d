package dev.hearth.compat;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.admin.RemoteAdminProfile;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import dev.hearth.testing.TorrentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every example request of the seed Moccha sent to {@code /compat/moccha} unchanged, against a REAL Deluge
 * named "deluge", checking each documented field, its type, and the error shape
 * {@code {"success": false, "error": "<string>", "message"}}.
 */
@QuarkusTest
@TestProfile(MocchaProfile.class)
class MocchaDoorTest {
    private static final String M = "/compat/moccha";

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private static RequestSpecification as(String role) {
        return Api.as(role).contentType(ContentType.JSON);
    }

    /** Moccha's error shape, with Hearth's code beside it. */
    private static ValidatableResponse mocchaError(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .contentType(ContentType.JSON)
                .body("success", equalTo(false))
                .body("error", instanceOf(String.class))
                .body("message", instanceOf(String.class))
                .body("code", equalTo(code));
    }

    private static void awaitDelugeConnected() {
        Await.untilTrue(
                Duration.ofSeconds(30),
                "deluge online",
                () -> Boolean.TRUE.equals(as("viewer")
                        .get(M + "/services/deluge/status")
                        .then()
                        .extract()
                        .path("connected")));
    }

    @Test
    void servicesAreNamesWithTheirCount() {
        as("viewer")
                .get(M + "/services")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("services", equalTo(List.of("deluge")))
                .body("count", equalTo(1));
    }

    @Test
    void statusOfAllAndOfOneServiceInTheSeedsFields() {
        awaitDelugeConnected();
        as("viewer")
                .get(M + "/services/status")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("services.deluge.running", instanceOf(Boolean.class))
                .body("services.deluge", hasKey("host"))
                .body("services.deluge", hasKey("port"))
                .body("services.deluge", hasKey("download_path"))
                .body("services.deluge.connected", equalTo(true))
                .body("services.deluge.stats.upload_rate", instanceOf(Integer.class))
                .body("services.deluge.stats.download_rate", instanceOf(Integer.class))
                .body("services.deluge.stats.dht_nodes", instanceOf(Integer.class));
        as("viewer")
                .get(M + "/services/deluge/status")
                .then()
                .statusCode(200)
                .body("running", instanceOf(Boolean.class))
                .body("$", hasKey("host"))
                .body("$", hasKey("port"))
                .body("$", hasKey("download_path"))
                .body("connected", equalTo(true));
        mocchaError(as("viewer").get(M + "/services/mega/status").then(), 404, "NOT_FOUND")
                .body("error", org.hamcrest.Matchers.containsString("mega"));
    }

    @Test
    void configOfAllAndOfOneAndTheSeedsUpdateBody() {
        as("viewer")
                .get(M + "/services/config")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("config.deluge.enabled", equalTo(true))
                .body("config.deluge.host", equalTo("127.0.0.1"))
                .body("config.deluge.port", instanceOf(Integer.class));
        as("viewer")
                .get(M + "/services/config/deluge")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("service", equalTo("deluge"))
                .body("config.enabled", equalTo(true))
                .body("config.port", instanceOf(Integer.class));
        // The seed's example keys are the daemon's own settings (issue 15 point 3): until Hearth honours them, a 400
        // that names the key, in Moccha's shape — never silently dropped.
        mocchaError(
                        as("admin")
                                .body(Map.of(
                                        "service_name",
                                        "deluge",
                                        "config",
                                        Map.of("max_download_speed", 1000, "download_path", "/new/downloads")))
                                .post(M + "/services/config")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error", org.hamcrest.Matchers.matchesPattern("(?s).*(max_download_speed|download_path).*"));
        as("admin")
                .body(Map.of("service_name", "deluge", "config", Map.of("check_interval", "20s")))
                .post(M + "/services/config")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Configuration updated for deluge"));
        mocchaError(
                as("operator")
                        .body(Map.of("service_name", "deluge", "config", Map.of()))
                        .post(M + "/services/config")
                        .then(),
                403,
                "FORBIDDEN");
    }

    @Test
    void startingAServiceHearthOnlyReachesByUrlIsAConflictInMocchasShape() {
        mocchaError(as("operator").post(M + "/services/deluge/start").then(), 409, "CONFLICT");
        mocchaError(as("operator").post(M + "/services/jdownloader/start").then(), 404, "NOT_FOUND");
    }

    @Test
    void theDelugeWorkflowOfTheSeedOnARealDeluge() throws Exception {
        awaitDelugeConnected();
        String magnet = TorrentFixture.unknownMagnet("Moccha.Workflow");
        String hash = TorrentFixture.btih(magnet);
        as("operator")
                .body(Map.of("torrent_url", magnet))
                .post(M + "/services/deluge/torrents")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Torrent added successfully"))
                .body("torrent_id", equalTo(hash));
        Await.untilTrue(
                Duration.ofSeconds(30),
                "the torrent listed",
                () -> as("viewer")
                        .get(M + "/services/deluge/torrents")
                        .then()
                        .extract()
                        .<List<String>>path("torrents.id")
                        .contains(hash));
        as("viewer")
                .get(M + "/services/deluge/torrents")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("count", equalTo(1))
                .body("torrents[0].id", equalTo(hash))
                .body("torrents[0].name", instanceOf(String.class))
                .body("torrents[0].progress", instanceOf(Number.class))
                .body("torrents[0].state", equalTo("Downloading"))
                .body("torrents[0].download_rate", instanceOf(Integer.class))
                .body("torrents[0].upload_rate", instanceOf(Integer.class))
                .body("torrents[0].seeds", instanceOf(Integer.class))
                .body("torrents[0].peers", instanceOf(Integer.class))
                .body("torrents[0].total_wanted", instanceOf(Integer.class))
                .body("torrents[0].total_done", instanceOf(Integer.class))
                .body("torrents[0].eta", instanceOf(Integer.class))
                .body("torrents[0].ratio", instanceOf(Number.class));
        as("viewer")
                .get(M + "/services/deluge/torrents/" + hash)
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("torrent.id", equalTo(hash))
                .body("torrent.state", equalTo("Downloading"))
                .body("torrent.total_wanted", instanceOf(Integer.class))
                .body("torrent.eta", instanceOf(Integer.class))
                .body("torrent.files", instanceOf(List.class))
                .body("torrent.trackers", instanceOf(List.class))
                .body("torrent.peers", instanceOf(List.class));
        as("operator")
                .post(M + "/services/deluge/torrents/" + hash + "/pause")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Torrent " + hash + " paused"));
        Await.untilTrue(
                Duration.ofSeconds(30),
                "paused",
                () -> "Paused"
                        .equals(as("viewer")
                                .get(M + "/services/deluge/torrents/" + hash)
                                .then()
                                .extract()
                                .path("torrent.state")));
        as("operator")
                .post(M + "/services/deluge/torrents/" + hash + "/resume")
                .then()
                .statusCode(200)
                .body("message", equalTo("Torrent " + hash + " resumed"));
        as("viewer")
                .get(M + "/services/deluge/peers/" + hash)
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("peers", instanceOf(List.class))
                .body("count", equalTo(0));
        as("viewer")
                .get(M + "/services/deluge/stats")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("stats.upload_rate", instanceOf(Integer.class))
                .body("stats.download_rate", instanceOf(Integer.class))
                .body("stats.dht_nodes", instanceOf(Integer.class))
                .body("stats.num_peers", instanceOf(Integer.class))
                .body("stats.num_connections", instanceOf(Integer.class))
                .body("stats.payload_upload_rate", instanceOf(Integer.class))
                .body("stats.payload_download_rate", instanceOf(Integer.class));
        as("operator")
                .body(Map.of("remove_data", false))
                .post(M + "/services/deluge/torrents/" + hash + "/remove")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Torrent " + hash + " removed"));
        mocchaError(as("viewer").get(M + "/services/deluge/torrents/" + hash).then(), 404, "NOT_FOUND");
        // a .torrent path on the server is the seed's other form: Hearth reads no caller-named file from its disk
        mocchaError(
                        as("operator")
                                .body(Map.of("torrent_file", "/path/to/torrent/file.torrent"))
                                .post(M + "/services/deluge/torrents")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error", org.hamcrest.Matchers.containsString("torrent_file"));
    }

    @Test
    void serverStatusInMocchasNamesAndTypes() {
        as("viewer")
                .get(M + "/status")
                .then()
                .statusCode(200)
                .body("uptime", org.hamcrest.Matchers.matchesPattern("(\\d+ days?, )?\\d+:\\d{2}:\\d{2}\\.\\d{6}"))
                .body("cpu_pct", instanceOf(Number.class))
                .body("cpu_count", instanceOf(Integer.class))
                .body("ram_total_gb", instanceOf(Number.class))
                .body("ram_used_gb", instanceOf(Number.class))
                .body("ram_pct", instanceOf(Number.class))
                .body("disk_total_gb", instanceOf(Number.class))
                .body("disk_free_gb", instanceOf(Number.class))
                .body("$", hasKey("gpu"))
                .body("executions", instanceOf(Integer.class))
                .body("variables", equalTo(0)); // a viewer is not shown the admin's worker
    }

    @Test
    void remoteExecutionFilesAndJobsInMocchasShapes() throws Exception {
        as("admin")
                .body(Map.of("code", "print('Hello World')\nresult = 2 + 2"))
                .post(M + "/execute")
                .then()
                .statusCode(200)
                .body("output", equalTo("Hello World\n"))
                .body("error", equalTo(""))
                .body("variables.result", equalTo(4))
                .body("success", equalTo(true));
        as("admin")
                .body(Map.of("command", "ls -la", "timeout", 30))
                .post(M + "/shell")
                .then()
                .statusCode(200)
                .body("stdout", org.hamcrest.Matchers.startsWith("total "))
                .body("stderr", equalTo(""))
                .body("code", equalTo(0))
                .body("success", equalTo(true));
        // the seed's example (requests may already be there: pip says so, and succeeds)
        as("admin")
                .body(Map.of("package", "requests"))
                .post(M + "/install")
                .then()
                .statusCode(200)
                .body("package", equalTo("requests"))
                .body("success", instanceOf(Boolean.class))
                .body("output", instanceOf(String.class))
                .body("error", instanceOf(String.class));
        // no index here: a package nobody has fails, and says so in the seed's fields
        as("admin")
                .body(Map.of("package", "hearth-no-such-package"))
                .post(M + "/install")
                .then()
                .statusCode(200)
                .body("package", equalTo("hearth-no-such-package"))
                .body("success", equalTo(false))
                .body("error", org.hamcrest.Matchers.not(equalTo("")));
        Files.writeString(RemoteAdminProfile.workspace().resolve("file1.txt"), "x".repeat(1024));
        as("admin")
                .get(M + "/files?path=" + RemoteAdminProfile.workspace())
                .then()
                .statusCode(200)
                .body(
                        "path",
                        equalTo(RemoteAdminProfile.workspace().toRealPath().toString()))
                .body("items.name", hasItem("file1.txt"))
                .body("items.find { it.name == 'file1.txt' }.type", equalTo("file"))
                .body("items.find { it.name == 'file1.txt' }.size", equalTo(1024))
                .body("items.find { it.name == 'file1.txt' }.modified", notNullValue());
        byte[] content = "uploaded through moccha\n".getBytes(StandardCharsets.UTF_8);
        String written = Api.as("admin")
                .multiPart("file", "uploaded_file.txt", content, "text/plain")
                .post(M + "/upload")
                .then()
                .statusCode(200)
                .body("filename", equalTo("uploaded_file.txt"))
                .body("size", equalTo(content.length))
                .body("success", equalTo(true))
                .extract()
                .path("path");
        assertTrue(written.endsWith("/uploaded_file.txt"), written);
        byte[] downloaded = Api.as("admin")
                .get(M + "/download/uploaded_file.txt")
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))
                .extract()
                .asByteArray();
        assertArrayEquals(content, downloaded);
        String taskId = as("admin")
                .body(Map.of("code", "import time\ntime.sleep(1)\nprint('Done')"))
                .post(M + "/async-execute")
                .then()
                .statusCode(200)
                .body("task_id", instanceOf(String.class))
                .body("status", org.hamcrest.Matchers.oneOf("queued", "running"))
                .extract()
                .path("task_id");
        Await.untilTrue(
                Duration.ofSeconds(30),
                "the job done",
                () -> "done"
                        .equals(as("admin")
                                .get(M + "/task/" + taskId)
                                .then()
                                .extract()
                                .path("status")));
        as("admin")
                .get(M + "/task/" + taskId)
                .then()
                .statusCode(200)
                .body("status", equalTo("done"))
                .body("result", equalTo("Done\n"))
                .body("created", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"))
                .body("finished", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"));
        as("admin")
                .body(Map.of(
                        "code", "variable2 = 42\nvariable3 = [1, 2, 3]\nimport threading\nlock = threading.Lock()"))
                .post(M + "/execute")
                .then()
                .statusCode(200);
        as("admin")
                .get(M + "/variables")
                .then()
                .statusCode(200)
                .body("variable2", equalTo(42))
                .body("variable3", equalTo(List.of(1, 2, 3)))
                .body("lock", instanceOf(String.class)) // not JSON: its type name
                .body("$", org.hamcrest.Matchers.not(hasKey("variables")));
        as("admin").delete(M + "/variables/variable2").then().statusCode(200).body("deleted", equalTo("variable2"));
        as("admin").get(M + "/variables").then().body("$", org.hamcrest.Matchers.not(hasKey("variable2")));
        List<Map<String, Object>> history = as("admin")
                .get(M + "/history?limit=50")
                .then()
                .statusCode(200)
                .body("$", instanceOf(List.class))
                .body("id", everyItem(instanceOf(String.class)))
                .body("type", hasItem("execute"))
                .body("time", everyItem(notNullValue()))
                .body("input", hasItem("print('Hello World')\nresult = 2 + 2"))
                .body("success", everyItem(instanceOf(Boolean.class)))
                .extract()
                .path("$");
        assertTrue(history.size() <= 50);
        assertEquals(
                2,
                as("admin")
                        .get(M + "/history?limit=2")
                        .then()
                        .extract()
                        .<List<?>>path("$")
                        .size());
        as("admin").get(M + "/status").then().body("executions", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void everyFailureOnTheDoorIsInMocchasShape() {
        mocchaError(Api.anonymous().get(M + "/services").then(), 401, "UNAUTHORIZED");
        mocchaError(
                Api.anonymous()
                        .header("X-API-Key", "hth_wrong")
                        .get(M + "/services")
                        .then(),
                401,
                "UNAUTHORIZED");
        mocchaError(as("admin").get(M + "/no-such-route").then(), 404, "NOT_FOUND");
        mocchaError(
                as("operator").body(Map.of("command", "id")).post(M + "/shell").then(), 403, "FORBIDDEN");
        mocchaError(as("admin").body("{").post(M + "/execute").then(), 400, "INVALID_INPUT");
        mocchaError(as("admin").get(M + "/task/no-such-job").then(), 404, "NOT_FOUND");
        // Hearth's own routes keep Hearth's shape
        Api.anonymous().get("/api/v1/services").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        as("viewer")
                .get(M + "/services")
                .then()
                .body("$", org.hamcrest.Matchers.not(hasKey("error")))
                .body("error", nullValue());
    }
}
