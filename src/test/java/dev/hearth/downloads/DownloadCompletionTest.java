package dev.hearth.downloads;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.internal.LibraryMover;
import dev.hearth.fakes.FakeTorrentProvider;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion: the webhook's secret, exactly one DownloadCompleted whoever notices first, and the library move. */
@QuarkusTest
@TestProfile(DownloadsProfile.class)
class DownloadCompletionTest {
    private static final String HOOK = "/api/v1/webhooks/download-complete";

    @Inject
    FakeTorrentProvider fakes;

    @Inject
    DownloadService downloads;

    @Inject
    CompletedEvents events;

    @Inject
    Database db;

    @Inject
    LibraryMover mover;

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private static String secret() throws Exception {
        return Files.readString(DownloadsProfile.DIR.resolve("data/webhook-secret"))
                .trim();
    }

    private long outboxRows(String taskId) {
        return db.count(
                "SELECT COUNT(*) FROM event_outbox WHERE type = ? AND payload LIKE ?",
                DownloadCompleted.class.getName(),
                "%\"" + taskId + "\"%");
    }

    @Test
    void theGeneratedSecretIsReadableByTheOwnerOnly() throws Exception {
        Path file = DownloadsProfile.DIR.resolve("data/webhook-secret");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertTrue(secret().length() >= 32);
    }

    @Test
    void aWebhookWithoutTheRightSecretIs401() {
        Map<String, Object> payload = Map.of("hash", Torrents.newHash(), "name", "x");
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(payload)
                .post(HOOK)
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"))
                .body("error.details.header", equalTo("X-Hearth-Webhook-Secret"));
        Api.anonymous()
                .header("X-Hearth-Webhook-Secret", "hwh_wrong")
                .contentType(ContentType.JSON)
                .body(payload)
                .post(HOOK)
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(payload)
                .post(HOOK + "?secret=nope")
                .then()
                .statusCode(401);
        // Bad input behind a bad secret is still a 401: nothing is read before the secret matches.
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body("{not json")
                .post(HOOK)
                .then()
                .statusCode(401);
    }

    @Test
    void aWebhookWithBadInputIs400AndAnUnknownHash404() throws Exception {
        Api.anonymous()
                .header("X-Hearth-Webhook-Secret", secret())
                .contentType(ContentType.JSON)
                .body(Map.of("hash", "not-a-hash"))
                .post(HOOK)
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("hash"));
        Api.anonymous()
                .header("X-Hearth-Webhook-Secret", secret())
                .contentType(ContentType.JSON)
                .body("{\"hash\": ")
                .post(HOOK)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("hash", Torrents.newHash()))
                .post(HOOK + "?secret=" + secret())
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.details.clients", org.hamcrest.Matchers.hasItem("fakebit"));
    }

    @Test
    void webhookAndPollForOneTaskGiveExactlyOneEventAndOneMove() throws Exception {
        String hash = Torrents.newHash();
        String name = "Movie." + hash.substring(0, 8);
        String id = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(hash, name), "category", "movies"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
        Path saveDir = DownloadsProfile.DIR.resolve("downloads/movies");
        Path source = saveDir.resolve(name);
        Files.createDirectories(source.resolve("Subs"));
        Files.writeString(source.resolve("movie.mkv"), "x".repeat(600));
        Files.writeString(source.resolve("Subs/en.srt"), "1\n00:00:01,000 --> 00:00:02,000\nhello\n");

        Map<String, Object> payload = Map.of(
                "hash",
                hash,
                "name",
                name,
                "category",
                "movies",
                "save_path",
                saveDir.toString(),
                "size",
                1000,
                "completion_time",
                Instant.now().getEpochSecond());
        Api.anonymous()
                .header("X-Hearth-Webhook-Secret", secret())
                .contentType(ContentType.JSON)
                .body(payload)
                .post(HOOK)
                .then()
                .statusCode(200)
                .body("task_id", equalTo(id))
                .body("recorded", equalTo(true));
        fakes.client("fakebit").complete(hash, saveDir.toString());
        downloads.refresh();
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(payload)
                .post(HOOK + "?secret=" + secret())
                .then()
                .statusCode(200)
                .body("recorded", equalTo(false));
        downloads.refresh();
        // Each hook call is an audited action, from the door "webhook", by the webhook (its secret proved it).
        Api.as("admin")
                .get("/api/v1/audit?limit=1000")
                .then()
                .statusCode(200)
                .body(
                        "entries.findAll { it.action == 'downloads.complete' && it.door == 'webhook' && it.actor == 'webhook:download-complete'"
                                + " && it.params.contains('" + hash + "') }.size()",
                        equalTo(2));

        Path library = DownloadsProfile.DIR.resolve("library/movies");
        Await.untilTrue(
                Duration.ofSeconds(10),
                "the event delivered and the files moved",
                () -> events.countFor(id) >= 1
                        && Files.exists(library.resolve(name).resolve("movie.mkv")));
        Thread.sleep(1500); // a second event, if there were one, would be delivered by now
        assertEquals(1, events.countFor(id), "listener invocations");
        assertEquals(1, outboxRows(id), "outbox rows");
        assertTrue(Files.exists(library.resolve(name).resolve("Subs/en.srt")));
        assertFalse(Files.exists(source), "the move leaves no source behind");
        Api.as("viewer")
                .get("/api/v1/tasks?status=completed&limit=500")
                .then()
                .statusCode(200)
                .body(
                        "tasks.find { it.id == '" + id + "' }.library_path",
                        equalTo(library.resolve(name).toString()))
                .body("tasks.find { it.id == '" + id + "' }.added_by", equalTo("key:test-operator"));

        // The bus may deliver the event again (a crash between listener and mark): nothing fails, nothing doubles.
        DownloadCompleted again = events.first(id);
        mover.on(again);
        mover.on(again);
        try (Stream<Path> files = Files.walk(library.resolve(name))) {
            assertEquals(2, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void pollingAloneNoticesCompletion() {
        String hash = Torrents.newHash();
        String id = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(hash, "Polled.Only")))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
        fakes.client("fakebit").complete(hash, "/downloads");
        downloads.refresh();
        downloads.refresh();
        Await.untilTrue(Duration.ofSeconds(10), "the event delivered", () -> events.countFor(id) == 1);
        assertEquals(1, outboxRows(id));
        Api.as("viewer")
                .get("/api/v1/tasks/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("seeding"))
                .body("progress", equalTo(100.0f));
    }
}
