package dev.hearth.backups;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.hearth.monitoring.AlertService;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The backups API against a running Hearth: roles, the seed's shape, download, verify, the rclone copy, retention, failure alerts. */
@QuarkusTest
@TestProfile(BackupsApiProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupsApiTest {
    @Inject
    BackupService backups;

    @Inject
    AlertService alerts;

    HttpServer receiver;
    final List<String> notifications = new CopyOnWriteArrayList<>();

    @BeforeAll
    void listen() throws Exception {
        Api.reset();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", BackupsApiProfile.WEBHOOK_PORT), 0);
        receiver.createContext("/hook", ex -> {
            notifications.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
    }

    long create(String name, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("name", name);
        return Api.as("operator")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/backups")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("success", equalTo(true))
                .body("message", equalTo("Backup created successfully"))
                .body("filename", matchesPattern(name + "_\\d{8}_\\d{6}\\.tar\\.gz"))
                .extract()
                .jsonPath()
                .getLong("backup.id");
    }

    /** File names carry the second a backup was made in: two scheduled ones need two seconds. */
    void nextSecond() {
        long last = backups.list().stream()
                .mapToLong(b -> b.createdAt().getEpochSecond())
                .max()
                .orElse(0);
        Await.untilTrue(
                Duration.ofSeconds(5), "the next second", () -> Instant.now().getEpochSecond() > last);
    }

    @Test
    void anOperatorMakesABackupAViewerSeesItAndOnlyAnAdminDownloadsIt() throws Exception {
        long id = create(
                "pre_update_backup",
                Map.of(
                        "description",
                        "Manual backup before update",
                        "include",
                        Map.of(
                                "paths",
                                List.of(BackupsApiProfile.roots().resolve("www").toString()))));
        Api.as("viewer")
                .get("/api/v1/backups")
                .then()
                .statusCode(200)
                .body("backups.find { it.id == " + id + " }.description", equalTo("Manual backup before update"))
                .body("backups.find { it.id == " + id + " }.status", equalTo("completed"))
                .body("backups.find { it.id == " + id + " }.size", matchesPattern("\\d+(\\.\\d)? (B|KB|MB)"))
                .body("backups.find { it.id == " + id + " }.timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("backups.find { it.id == " + id + " }.remote_status", equalTo("copied"));
        String file =
                Api.as("viewer").get("/api/v1/backups/" + id).then().extract().path("filename");
        Path local = backups.directory().resolve(file);
        byte[] downloaded = Api.admin()
                .get("/api/v1/backups/" + id + "/download")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString(file))
                .extract()
                .asByteArray();
        assertArrayEquals(Files.readAllBytes(local), downloaded);
        assertArrayEquals(
                Files.readAllBytes(local),
                Files.readAllBytes(BackupsApiProfile.remote().resolve(file)),
                "the rclone copy is the same file");
        Api.as("operator")
                .get("/api/v1/backups/" + id + "/download")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/backups")
                .then()
                .statusCode(403);
    }

    @Test
    void aPathOutsideTheRootsIsRefusedAndNothingIsWritten() {
        int before = backups.list().size();
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("include", Map.of("paths", List.of("/etc"))))
                .post("/api/v1/backups")
                .then()
                .statusCode(403)
                .body("error.message", containsString("outside every backups.roots entry"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "../../x"))
                .post("/api/v1/backups")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("name"));
        assertEquals(before, backups.list().size());
    }

    @Test
    void verifyFindsAChangedByteAndNamesIt() throws Exception {
        long id = create("verified", Map.of());
        Api.as("operator")
                .post("/api/v1/backups/" + id + "/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("problems.size()", equalTo(0));
        Path file = backups.directory().resolve(backups.require(id).fileName());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x40);
        }
        Api.as("operator")
                .post("/api/v1/backups/" + id + "/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("problems[0]", containsString("not the"))
                .body("backup.verify_result", containsString("checksum"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("confirm", "verified"))
                .post("/api/v1/backups/" + id + "/restore")
                .then()
                .statusCode(400)
                .body("error.message", containsString("damaged"));
        assertFalse(
                Files.exists(
                        Path.of(System.getProperty("hearth.test.backups.dir")).resolve("data/restore")),
                "nothing staged");
    }

    @Test
    void aRestoreNeedsTheAdminAndTheBackupsNameTypedOut() {
        long id = create("guarded", Map.of());
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("confirm", "guarded"))
                .post("/api/v1/backups/" + id + "/restore")
                .then()
                .statusCode(403);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("confirm", "guardd"))
                .post("/api/v1/backups/" + id + "/restore")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("confirm"))
                .body("error.message", containsString("'guarded'"));
        Api.admin().get("/api/v1/audit?limit=5").then().body("entries.action", hasItem("backups.restore"));
    }

    @Test
    void deletingRemovesTheFileTheRemoteCopyAndTheEntry() {
        long id = create("doomed", Map.of());
        String file = backups.require(id).fileName();
        Api.as("operator").delete("/api/v1/backups/" + id).then().statusCode(403);
        Api.admin().delete("/api/v1/backups/" + id).then().statusCode(200).body("deleted.filename", equalTo(file));
        assertFalse(Files.exists(backups.directory().resolve(file)));
        assertFalse(Files.exists(BackupsApiProfile.remote().resolve(file)));
        Api.admin().get("/api/v1/backups/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aFailedScheduledBackupRaisesAnAlertThatReachesTheChannelAndTheNextSuccessResolvesIt() throws Exception {
        Path blocker = Files.writeString(BackupsApiProfile.DIR.resolve("not-a-directory"), "x");
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "backups",
                        Map.of("directory", blocker.resolve("backups").toString())))
                .patch("/api/v1/config")
                .then()
                .statusCode(200);
        try {
            assertTrue(backups.runScheduled().isEmpty());
            assertTrue(alerts.open(BackupService.FAILED_ALERT).isPresent(), "the failure is an open alert");
            Await.untilTrue(
                    Duration.ofSeconds(20),
                    "the alert to reach the webhook channel",
                    () -> notifications.stream()
                            .anyMatch(n -> n.contains("Backup scheduled_") && n.contains("failed")));
            assertEquals("failed", backups.list().getFirst().status());
        } finally {
            Api.admin()
                    .contentType(ContentType.JSON)
                    .body(Map.of("backups", Map.of("directory", "")))
                    .patch("/api/v1/config")
                    .then()
                    .statusCode(200);
        }
        nextSecond();
        assertTrue(backups.runScheduled().isPresent());
        assertTrue(alerts.open(BackupService.FAILED_ALERT).isEmpty(), "a backup that works resolves it");
    }

    @Test
    void retentionDeletesTheOlderScheduledBackupOfADayAndKeepsManualOnes() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("backups", Map.of("keep_daily", 1, "keep_weekly", 0)))
                .patch("/api/v1/config")
                .then()
                .statusCode(200);
        try {
            long manual = create("by_hand", Map.of());
            nextSecond();
            Backup first = backups.runScheduled().orElseThrow();
            nextSecond();
            Backup second = backups.runScheduled().orElseThrow();
            assertTrue(backups.find(first.id()).isEmpty(), "the older scheduled backup of the day is gone");
            assertFalse(Files.exists(backups.directory().resolve(first.fileName())));
            assertFalse(Files.exists(BackupsApiProfile.remote().resolve(first.fileName())), "from the remote too");
            assertTrue(backups.find(second.id()).isPresent());
            assertTrue(backups.find(manual).isPresent(), "retention never deletes a backup made by hand");
        } finally {
            Api.admin()
                    .contentType(ContentType.JSON)
                    .body(Map.of("backups", Map.of("keep_daily", 7, "keep_weekly", 4)))
                    .patch("/api/v1/config")
                    .then()
                    .statusCode(200);
        }
    }
}
