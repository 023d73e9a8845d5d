package dev.hearth.downloads.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.CompletedEvents;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.downloads.internal.ClientDirectory;
import dev.hearth.testing.Api;
import dev.hearth.testing.FileServer;
import dev.hearth.testing.TorrentFixture;
import dev.hearth.testing.Waits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hearth's REST API against the real qBittorrent, Deluge, Transmission and aria2 daemons together
 * (issue "Downloads", item 6): completion gives exactly one DownloadCompleted (also with qBittorrent's
 * AutoRun hook calling the webhook), magnets show their metadata state, pause, resume and delete (with
 * and without data) reach each daemon, a killed daemon is a prompt 503 and recovers by itself.
 */
@QuarkusTest
@TestProfile(RealClientsProfile.class)
class RealClientsEndToEndTest {
    private static final Duration DONE_WITHIN = Duration.ofSeconds(60);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    CompletedEvents events;

    @Inject
    ClientDirectory directory;

    @Inject
    DownloadService downloads;

    @TestHTTPResource("/api/v1/webhooks/download-complete")
    URL webhook;

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    @BeforeEach
    void tellTheHookWhereHearthIs() throws IOException {
        Files.writeString(RealClientsProfile.HOOK_URL, webhook.toString());
    }

    // ---- helpers

    private static TorrentFixture fixtureIn(String client, String name) {
        return TorrentFixture.create(
                RealClientsProfile.downloads(client),
                RealClientsProfile.DIR.resolve("torrents"),
                name + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()),
                64 * 1024 + 123);
    }

    private static String upload(String client, TorrentFixture f) {
        return Api.as("operator")
                .multiPart("torrent", f.name() + ".torrent", f.torrentBytes(), "application/x-bittorrent")
                .multiPart("client", client)
                .multiPart("destination", RealClientsProfile.downloads(client).toString())
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .body("task.client", equalTo(client))
                .extract()
                .path("task_id");
    }

    private static String addUrl(String client, String url) {
        return Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        url,
                        "client",
                        client,
                        "destination",
                        RealClientsProfile.downloads(client).toString()))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
    }

    private static List<String> completedIds(String client) {
        return Api.as("viewer")
                .get("/api/v1/tasks?status=completed&limit=500&client=" + client)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("tasks.id");
    }

    private void awaitCompletedOnce(String client, String id) {
        Waits.until(id + " listed as completed", DONE_WITHIN, () -> completedIds(client), ids -> ids.contains(id));
        Waits.until(id + " has its DownloadCompleted", Duration.ofSeconds(10), () -> events.countFor(id), n -> n >= 1);
        // More polls (and, for qBittorrent, the hook) see it finished again: still one event.
        downloads.refresh();
        downloads.refresh();
        assertEquals(1, events.countFor(id), "DownloadCompleted events for " + id);
    }

    private Optional<DownloadTask> live(String client, String id) {
        DownloadClient c = directory.require(client).client();
        String clientId = id.substring(client.length() + 1);
        return c.list().stream().filter(t -> t.id().equalsIgnoreCase(clientId)).findFirst();
    }

    private void awaitLive(
            String client, String id, String what, java.util.function.Predicate<Optional<DownloadTask>> done) {
        Waits.until(
                id + " " + what + " in " + client + " itself", Duration.ofSeconds(30), () -> live(client, id), done);
    }

    private static Response delete(String id, boolean deleteData) {
        return Api.as("operator").delete("/api/v1/tasks/" + id + "?delete_data=" + deleteData);
    }

    // ---- the tests

    @ParameterizedTest
    @ValueSource(strings = {"qbittorrent", "deluge", "transmission"})
    void aTorrentWhoseDataIsThereCompletesOnceAndPauseResumeDeleteReachTheDaemon(String client) {
        TorrentFixture kept = fixtureIn(client, "kept");
        String id = upload(client, kept);
        awaitCompletedOnce(client, id);

        // A finished torrent that is paused stops seeding: every client maps that to COMPLETED, and back to SEEDING on
        // resume.
        awaitLive(client, id, "seeding", t -> t.isPresent() && t.get().status() == TaskStatus.SEEDING);
        // Hearth answers what its next poll will read, not "paused" first and "completed" a second later.
        Api.as("operator")
                .post("/api/v1/tasks/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("task.status", equalTo("completed"));
        awaitLive(
                client,
                id,
                "paused (stopped seeding)",
                t -> t.isPresent() && t.get().status() == TaskStatus.COMPLETED);
        downloads.refresh();
        Api.as("viewer").get("/api/v1/tasks/" + id).then().statusCode(200).body("status", equalTo("completed"));
        Api.as("operator")
                .post("/api/v1/tasks/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("task.status", equalTo("seeding"));
        awaitLive(client, id, "seeding again", t -> t.isPresent() && t.get().status() == TaskStatus.SEEDING);

        delete(id, false).then().statusCode(200);
        awaitLive(client, id, "removed", Optional::isEmpty);
        assertTrue(Files.exists(kept.data()), "delete_data=false keeps " + kept.data());
        Api.as("viewer").get("/api/v1/tasks/" + id).then().statusCode(404);

        TorrentFixture gone = fixtureIn(client, "gone");
        String second = upload(client, gone);
        awaitCompletedOnce(client, second);
        delete(second, true).then().statusCode(200);
        awaitLive(client, second, "removed", Optional::isEmpty);
        Waits.until(gone.data() + " deleted", Duration.ofSeconds(15), () -> !Files.exists(gone.data()));
        assertEquals(1, events.countFor(id));
    }

    @Test
    void qbittorrentsAutoRunHookCallsTheWebhookAndPollAndHookGiveOneEvent() throws IOException {
        TorrentFixture f = fixtureIn("qbittorrent", "hooked");
        String id = upload("qbittorrent", f);
        String hash = id.substring("qbittorrent:".length());
        String line = Waits.until(
                        "the AutoRun hook reported " + hash, DONE_WITHIN, () -> hookLine(hash), Optional::isPresent)
                .orElseThrow();
        JsonPath answer = JsonPath.from(line.substring(line.indexOf(' ') + 1));
        assertEquals(true, answer.getBoolean("success"), line);
        assertEquals(id, answer.getString("task_id"), line);
        awaitCompletedOnce("qbittorrent", id);
        delete(id, true).then().statusCode(200);
    }

    private static Optional<String> hookLine(String hash) {
        try {
            if (!Files.exists(RealClientsProfile.HOOK_LOG)) return Optional.empty();
            return Files.readAllLines(RealClientsProfile.HOOK_LOG).stream()
                    .filter(l -> l.startsWith(hash + " "))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Test
    void aria2FetchesALinkFromALocalServerOnceAndDeletesWithAndWithoutData() {
        byte[] content = new byte[200_000];
        ThreadLocalRandom.current().nextBytes(content);
        String keptName = "kept-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".bin";
        String goneName = "gone-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".bin";
        try (FileServer kept = new FileServer(keptName, content);
                FileServer gone = new FileServer(goneName, content)) {
            String id = addUrl("aria2", kept.url(keptName).toString());
            Api.as("viewer").get("/api/v1/tasks/" + id).then().statusCode(200).body("type", equalTo("direct"));
            awaitCompletedOnce("aria2", id);
            Path keptFile = RealClientsProfile.downloads("aria2").resolve(keptName);
            assertTrue(Files.exists(keptFile), keptFile + " downloaded");
            delete(id, false).then().statusCode(200);
            awaitLive("aria2", id, "removed", Optional::isEmpty);
            assertTrue(Files.exists(keptFile), "delete_data=false keeps " + keptFile);

            String second = addUrl("aria2", gone.url(goneName).toString());
            awaitCompletedOnce("aria2", second);
            Path goneFile = RealClientsProfile.downloads("aria2").resolve(goneName);
            delete(second, true).then().statusCode(200);
            Waits.until(goneFile + " deleted", Duration.ofSeconds(15), () -> !Files.exists(goneFile));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"qbittorrent", "deluge", "transmission", "aria2"})
    void aMagnetShowsTheMetadataStateAndPausesAndResumes(String client) {
        String magnet = TorrentFixture.unknownMagnet("Nobody.Has.This." + client);
        String id = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", magnet, "client", client))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .body("task.status", equalTo("metadata"))
                .extract()
                .path("task_id");
        awaitLive(client, id, "listed", Optional::isPresent);
        // What the pollers read from the daemon says metadata too, not queued or downloading at 0 %.
        Waits.until(
                id + " still metadata after polls",
                Duration.ofSeconds(15),
                () -> {
                    downloads.refresh();
                    return Api.as("viewer")
                            .get("/api/v1/tasks?status=all&limit=500&client=" + client)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getString("tasks.find { it.id == '" + id + "' }.status");
                },
                "metadata"::equals);

        Api.as("operator").post("/api/v1/tasks/" + id + "/pause").then().statusCode(200);
        awaitLive(client, id, "paused", t -> t.isPresent() && t.get().status() == TaskStatus.PAUSED);
        Api.as("operator").post("/api/v1/tasks/" + id + "/resume").then().statusCode(200);
        awaitLive(client, id, "resumed", t -> t.isPresent() && t.get().status() != TaskStatus.PAUSED);
        delete(id, true).then().statusCode(200);
        awaitLive(client, id, "removed", Optional::isEmpty);
    }

    @Test
    void aKilledDaemonIsAPrompt503KeepsItsTasksAndRecoversByItself() {
        TorrentFixture f = fixtureIn("transmission", "outage");
        String id = upload("transmission", f);
        awaitCompletedOnce("transmission", id);

        RealClientsProfile.control("transmission", "kill").run();
        try {
            long start = System.nanoTime();
            Api.as("operator")
                    .post("/api/v1/tasks/" + id + "/pause")
                    .then()
                    .statusCode(503)
                    .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                    .body("error.details.client", equalTo("transmission"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(
                    took.compareTo(SERVICE_TIMEOUT) < 0,
                    "503 after " + took + ", the service timeout is " + SERVICE_TIMEOUT);

            Waits.until(
                    "transmission OFFLINE",
                    Duration.ofSeconds(15),
                    () -> clientState("transmission"),
                    "OFFLINE"::equals);
            Api.as("viewer")
                    .get("/api/v1/tasks?status=all&limit=500&client=transmission")
                    .then()
                    .statusCode(200)
                    .body("tasks.id", hasItem(id));
            Api.as("viewer").get("/api/v1/tasks/" + id).then().statusCode(200).body("status", equalTo("seeding"));
        } finally {
            RealClientsProfile.control("transmission", "start").run();
        }
        // No refresh, no restart: the poller notices on its own.
        Waits.until(
                "transmission ONLINE again",
                Duration.ofSeconds(20),
                () -> clientState("transmission"),
                "ONLINE"::equals);
        Api.as("operator").post("/api/v1/tasks/" + id + "/pause").then().statusCode(200);
        // SIGKILLed, Transmission may come back without its verified state (then it is a paused download, not a stopped
        // seed).
        awaitLive(
                "transmission",
                id,
                "stopped",
                t -> t.isPresent()
                        && (t.get().status() == TaskStatus.COMPLETED || t.get().status() == TaskStatus.PAUSED));
        delete(id, true).then().statusCode(200);
    }

    /**
     * A user restarts qBittorrent (kill it, start it again on the same profile) while Hearth polls it, twenty
     * times: each time Hearth sees it online again within 10 s, by itself. The old session is void after a
     * restart, so each recovery goes through a new login; qBittorrent may reject the new session for a moment
     * while it starts, which must not be taken for refused credentials (that would wait 15 minutes).
     */
    @Test
    void qbittorrentRestartedTwentyTimesIsOnlineAgainWithinTenSecondsEachTime() {
        Waits.until("qbittorrent ONLINE", Duration.ofSeconds(20), () -> clientState("qbittorrent"), "ONLINE"::equals);
        List<Long> recoveries = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            RealClientsProfile.control("qbittorrent", "kill").run();
            RealClientsProfile.control("qbittorrent", "start").run(); // returns once a login works
            java.time.Instant restarted = java.time.Instant.now();
            long t0 = System.nanoTime();
            Waits.until(
                    "qbittorrent ONLINE within 10 s of restart " + i + " (" + recoveries + " ms before)",
                    Duration.ofSeconds(10),
                    () -> clientHealth("qbittorrent"),
                    c -> "ONLINE".equals(c.get("state"))
                            && java.time.Instant.parse((String) c.get("checked_at"))
                                    .isAfter(restarted));
            recoveries.add((System.nanoTime() - t0) / 1_000_000);
        }
        // Online means usable: a download added through Hearth reaches the restarted daemon.
        String id = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", TorrentFixture.unknownMagnet("After.Twenty.Restarts"), "client", "qbittorrent"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
        awaitLive("qbittorrent", id, "listed", Optional::isPresent);
        delete(id, true).then().statusCode(200);
        System.out.println("qBittorrent restarts: online again after " + recoveries + " ms");
    }

    private static Map<String, Object> clientHealth(String client) {
        return Api.as("viewer")
                .get("/api/v1/downloads/clients")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("clients.find { it.name == '" + client + "' }");
    }

    private static String clientState(String client) {
        return Api.as("viewer")
                .get("/api/v1/downloads/clients")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("clients.find { it.name == '" + client + "' }.state");
    }

    /**
     * aria2 fetches a magnet's metadata as one download (gid A) and then the data as another (gid B,
     * "followedBy"). The task Hearth answered the POST with must be the one that completes: one task,
     * still Hearth's (not an "external" one), one DownloadCompleted, and it can be deleted by its id.
     */
    @Test
    void anAria2MagnetKeepsItsTaskIdThroughTheMetadataHandOver() throws IOException {
        TorrentFixture f = fixtureIn("qbittorrent", "handover");
        String seeded = upload("qbittorrent", f);
        awaitCompletedOnce("qbittorrent", seeded);
        String hash = seeded.substring("qbittorrent:".length());
        try (Tracker tracker = new Tracker(RealClientsProfile.qbittorrentPeerPort())) {
            String magnet = "magnet:?xt=urn:btih:" + hash + "&dn=" + f.name() + "&tr="
                    + java.net.URLEncoder.encode(tracker.announce(), java.nio.charset.StandardCharsets.UTF_8);
            String id = addUrl("aria2", magnet);
            Waits.until(id + " listed as completed", DONE_WITHIN, () -> completedIds("aria2"), ids -> ids.contains(id));
            Path file = RealClientsProfile.downloads("aria2").resolve(f.name());
            assertEquals(Files.size(f.data()), Files.size(file), "aria2 fetched the data from qBittorrent");
            Api.as("viewer")
                    .get("/api/v1/tasks/" + id)
                    .then()
                    .statusCode(200)
                    .body("added_by", equalTo("key:test-operator"))
                    .body("name", equalTo(f.name()));
            Waits.until(
                    id + " has its DownloadCompleted", Duration.ofSeconds(10), () -> events.countFor(id), n -> n == 1);
            downloads.refresh();
            List<String> sameName = Api.as("viewer")
                    .get("/api/v1/tasks?status=all&limit=500&client=aria2")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("tasks.findAll { it.name == '" + f.name() + "' }.id");
            assertEquals(List.of(id), sameName, "one task for the magnet, under the id the POST answered");
            delete(id, true).then().statusCode(200);
            awaitLive("aria2", id, "removed", Optional::isEmpty);
            Waits.until(file + " deleted", Duration.ofSeconds(15), () -> !Files.exists(file));
        } finally {
            delete(seeded, false);
        }
    }

    /** An HTTP tracker on loopback whose every announce answers one peer, and asks for the next announce in 5 s (a missed first connection retries soon). */
    private static final class Tracker implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;

        Tracker(int peerPort) throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            byte[] peer = {127, 0, 0, 1, (byte) (peerPort >> 8), (byte) peerPort};
            server.createContext("/announce", x -> {
                java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
                body.writeBytes("d8:intervali5e12:min intervali5e5:peers6:"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                body.writeBytes(peer);
                body.writeBytes("e".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                x.sendResponseHeaders(200, body.size());
                try (var out = x.getResponseBody()) {
                    out.write(body.toByteArray());
                }
            });
            server.start();
        }

        String announce() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/announce";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void theWebhookRejectsABadSecret() {
        Api.anonymous()
                .header("X-Hearth-Webhook-Secret", "not-the-secret-at-all")
                .contentType(ContentType.JSON)
                .body(Map.of("hash", "0".repeat(40)))
                .post("/api/v1/webhooks/download-complete")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("hash", "0".repeat(40)))
                .post("/api/v1/webhooks/download-complete?secret=wrong")
                .then()
                .statusCode(401);
        Api.anonymous()
                .header("X-Hearth-Webhook-Secret", RealClientsProfile.WEBHOOK_SECRET)
                .contentType(ContentType.JSON)
                .body(Map.of("hash", "0".repeat(40)))
                .post("/api/v1/webhooks/download-complete")
                .then()
                .statusCode(404);
    }
}
