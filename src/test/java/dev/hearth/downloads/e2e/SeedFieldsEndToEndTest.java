package dev.hearth.downloads.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.actions.AuditLog;
import dev.hearth.downloads.ActiveDownloadsLimit;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.SpeedLimits;
import dev.hearth.downloads.internal.ClientDirectory;
import dev.hearth.downloads.internal.SeedingSweep;
import dev.hearth.downloads.internal.TorrentWatchFolder;
import dev.hearth.testing.Api;
import dev.hearth.testing.TorrentFixture;
import dev.hearth.testing.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, point 3: the seed fields set through Hearth's API reach the real daemons and do what they say —
 * speed caps (a client's and a task's) and the running-downloads limit read back from each daemon, the
 * auto-add folder, auto-delete after seeding (audited), and a field that cannot be honoured is a 400 naming it.
 */
@QuarkusTest
@TestProfile(RealClientsProfile.class)
class SeedFieldsEndToEndTest {
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Inject
    ClientDirectory directory;

    @Inject
    SeedingSweep sweep;

    @Inject
    TorrentWatchFolder watch;

    @Inject
    AuditLog audit;

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private static TorrentFixture fixtureIn(String client, String name) {
        return TorrentFixture.create(
                RealClientsProfile.downloads(client),
                RealClientsProfile.DIR.resolve("torrents"),
                name + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()),
                64 * 1024 + 7);
    }

    private static String magnet(String name) {
        return TorrentFixture.unknownMagnet(
                name + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    private <C> C daemon(String client, Class<C> api) {
        return directory.control(client, api).orElseThrow(() -> new AssertionError(client + " offers " + api));
    }

    private Optional<DownloadTask> live(String client, String id) {
        DownloadClient c = directory.require(client).client();
        String clientId = id.substring(client.length() + 1);
        return c.list().stream().filter(t -> t.id().equalsIgnoreCase(clientId)).findFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qbittorrent", "deluge", "transmission", "aria2"})
    void aClientsCapsAndRunningLimitSetThroughHearthAreWhatTheDaemonReports(String client) {
        SpeedLimits speed = daemon(client, SpeedLimits.class);
        ActiveDownloadsLimit queue = daemon(client, ActiveDownloadsLimit.class);
        SpeedLimits.Limits speedBefore = speed.globalLimits();
        int queueBefore = queue.maxActiveDownloads();
        try {
            Api.as("operator")
                    .contentType(ContentType.JSON)
                    .body(Map.of("max_download_speed", 1000, "max_upload_speed", 200, "max_active_downloads", 2))
                    .patch("/api/v1/downloads/clients/" + client + "/settings")
                    .then()
                    .statusCode(200)
                    .body("max_download_speed", equalTo(1000))
                    .body("max_upload_speed", equalTo(200))
                    .body("max_active_downloads", equalTo(2));

            // Straight from the daemon, not from anything Hearth kept.
            assertEquals(new SpeedLimits.Limits(1000, 200), speed.globalLimits());
            assertEquals(2, queue.maxActiveDownloads());
            Api.as("viewer")
                    .get("/api/v1/downloads/clients/" + client + "/settings")
                    .then()
                    .statusCode(200)
                    .body("kind", equalTo(client))
                    .body("max_download_speed", equalTo(1000));

            // One field alone leaves the others as they are.
            Api.as("operator")
                    .contentType(ContentType.JSON)
                    .body(Map.of("max_upload_speed", 0))
                    .patch("/api/v1/downloads/clients/" + client + "/settings")
                    .then()
                    .statusCode(200);
            assertEquals(new SpeedLimits.Limits(1000, 0), speed.globalLimits());

            // A viewer reads but does not change.
            Api.as("viewer")
                    .contentType(ContentType.JSON)
                    .body(Map.of("max_download_speed", 1))
                    .patch("/api/v1/downloads/clients/" + client + "/settings")
                    .then()
                    .statusCode(403);
        } finally {
            speed.setGlobalLimits(speedBefore);
            queue.setMaxActiveDownloads(queueBefore);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"qbittorrent", "deluge", "transmission", "aria2"})
    void aTasksCapsGivenWithTheDownloadAndChangedLaterReachTheDaemon(String client) {
        String id = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        magnet("task-caps"),
                        "client",
                        client,
                        "destination",
                        RealClientsProfile.downloads(client).toString(),
                        "max_download_speed",
                        400,
                        "max_upload_speed",
                        50))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
        SpeedLimits speed = daemon(client, SpeedLimits.class);
        String clientId = id.substring(client.length() + 1);
        assertEquals(new SpeedLimits.Limits(400, 50), speed.taskLimits(clientId));

        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("max_download_speed", 0))
                .patch("/api/v1/tasks/" + id + "/settings")
                .then()
                .statusCode(200)
                .body("max_download_speed", equalTo(0))
                .body("max_upload_speed", equalTo(50));
        assertEquals(new SpeedLimits.Limits(0, 50), speed.taskLimits(clientId));

        Api.as("operator").delete("/api/v1/tasks/" + id).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qbittorrent", "deluge", "transmission"})
    void autoDeleteAfterSeedingRemovesTheTaskAndItsDataAndIsAudited(String client) {
        TorrentFixture f = fixtureIn(client, "seeded");
        String id = Api.as("operator")
                .multiPart("torrent", f.name() + ".torrent", f.torrentBytes(), "application/x-bittorrent")
                .multiPart("client", client)
                .multiPart("destination", RealClientsProfile.downloads(client).toString())
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("seed_time_limit", 30, "delete_data_after_seeding", true))
                .patch("/api/v1/tasks/" + id + "/settings")
                .then()
                .statusCode(200)
                .body("auto_delete.seed_minutes", equalTo(30))
                .body("auto_delete.delete_data", equalTo(true));
        Waits.until(
                id + " completed in Hearth",
                WITHIN,
                () -> Api.as("viewer")
                        .get("/api/v1/tasks/" + id)
                        .then()
                        .extract()
                        .path("status"),
                s -> "seeding".equals(s) || "completed".equals(s));

        // Before its time nothing happens; the sweep is asked with a clock half an hour on, not waited for.
        assertFalse(sweep.sweep(Instant.now()).contains(id));
        assertTrue(live(client, id).isPresent());
        assertEquals(
                List.of(id),
                sweep.sweep(Instant.now().plus(Duration.ofMinutes(31))).stream()
                        .filter(id::equals)
                        .toList());

        Waits.until(id + " gone from " + client, WITHIN, () -> live(client, id), Optional::isEmpty);
        Waits.until(f.data() + " deleted", WITHIN, () -> !Files.exists(f.data()));
        Api.as("viewer").get("/api/v1/tasks/" + id).then().statusCode(404);
        AuditLog.Entry entry = audit.recent(200, 0, Instant.EPOCH).stream()
                .filter(e -> e.action().equals("tasks.remove") && e.params().contains(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry for the auto-delete of " + id));
        assertEquals("auto-delete", entry.door());
        assertEquals("ok", entry.outcome());
        assertTrue(entry.actor().contains("auto-delete"), entry.actor());
        // Fired once: a later sweep has nothing more to do.
        assertFalse(sweep.sweep(Instant.now().plus(Duration.ofHours(2))).contains(id));
    }

    @Test
    void theAutoAddFolderAddsEachTorrentOnceAndRefusesALinkOutOfTheRoots() throws IOException {
        Files.createDirectories(RealClientsProfile.WATCH);
        TorrentFixture f = fixtureIn("qbittorrent", "watched");
        Path dropped = RealClientsProfile.WATCH.resolve(f.name() + ".torrent");
        Files.write(dropped, f.torrentBytes());
        Path outside = Files.createTempFile("outside-the-roots", ".torrent");
        Files.write(outside, fixtureIn("qbittorrent", "outside").torrentBytes());
        Path link = RealClientsProfile.WATCH.resolve("link-out.torrent");
        Files.createSymbolicLink(link, outside);

        Path added = RealClientsProfile.WATCH.resolve(f.name() + ".torrent" + TorrentWatchFolder.ADDED);
        Waits.until("the watched .torrent marked added", WITHIN, () -> Files.exists(added));
        Waits.until(
                "the link out of the roots marked refused",
                WITHIN,
                () -> Files.exists(
                        RealClientsProfile.WATCH.resolve("link-out.torrent" + TorrentWatchFolder.REFUSED),
                        java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(dropped), "the .torrent is renamed, so it is not added again");
        assertTrue(Files.exists(outside), "refusing renames the link, never its target");

        // More scans add nothing more: one task for it, added by the watch.
        watch.scan();
        watch.scan();
        List<Map<String, Object>> tasks = Api.as("viewer")
                .get("/api/v1/tasks?status=all&limit=500&client=qbittorrent")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("tasks");
        assertEquals(
                1, tasks.stream().filter(t -> f.name().equals(t.get("name"))).count(), "tasks named " + f.name());
        assertEquals(
                0,
                tasks.stream()
                        .filter(t -> String.valueOf(t.get("name")).startsWith("outside"))
                        .count());
        assertTrue(audit.recent(200, 0, Instant.EPOCH).stream()
                .anyMatch(e -> e.action().equals("downloads.add")
                        && e.door().equals("auto-add")
                        && e.outcome().equals("ok")));
        Api.as("viewer")
                .get("/api/v1/downloads/clients/qbittorrent/settings")
                .then()
                .statusCode(200)
                .body("auto_add_folder", equalTo(RealClientsProfile.WATCH.toString()));
    }

    @Test
    void aFieldThatCannotBeHonouredIsA400NamingItAndNothingIsAdded() {
        // A plain http download on aria2 does not seed: an auto-delete-after-seeding rule names field and client.
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/never-fetched.bin", "client", "aria2", "seed_ratio_limit", 2.0))
                .post("/api/v1/downloads")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.details.field", equalTo("seed_ratio_limit"))
                .body("error.details.client", equalTo("aria2"))
                .body("error.message", containsString("aria2"));
        assertTrue(
                directory.require("aria2").client().list().stream()
                        .noneMatch(t -> t.name().equals("never-fetched.bin")),
                "nothing reached aria2");

        // MLTB's cloud-drive folder has no counterpart: refused by name, never dropped.
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", magnet("drive"), "client", "qbittorrent", "folder_id", "abc123xyz"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("folder_id"));

        // A field no action knows is named too.
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("max_dl_speed", 5))
                .patch("/api/v1/downloads/clients/qbittorrent/settings")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("max_dl_speed"));
    }

    @Test
    void mltbsUserIdCountsTheDownloadForThatUser() {
        String id = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", magnet("for-user"), "client", "qbittorrent", "user_id", "123456789"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
        Api.as("viewer")
                .get("/api/v1/users/app-user:123456789/stats")
                .then()
                .statusCode(200)
                .body("downloads.total", equalTo(1));
        Api.as("operator").delete("/api/v1/tasks/" + id).then().statusCode(200);
    }
}
