package dev.hearth.downloads;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.downloads.internal.ClientDirectory;
import dev.hearth.fakes.FakeTorrentProvider;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.Api;
import dev.hearth.testing.Aria2Daemon;
import dev.hearth.testing.FileServer;
import dev.hearth.testing.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 3, as attacks against a running Hearth: a destination outside the download roots (also
 * through a link inside one), delete_data on an aria2 task pointed at a file elsewhere, a webhook caller
 * naming a file of its choosing for the library, a client reporting files outside the roots, and a copy into a
 * library on another file system that must keep the file's mode and owner.
 */
@QuarkusTest
@TestProfile(ConfinedFilesProfile.class)
class ConfinedFilesTest {
    private static final String HOOK = "/api/v1/webhooks/download-complete";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FakeTorrentProvider fakes;

    @Inject
    DownloadService downloads;

    @Inject
    ClientDirectory directory;

    @Inject
    Database db;

    @Inject
    dev.hearth.platform.config.ConfigService config;

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private static String secret() throws IOException {
        return Files.readString(ConfinedFilesProfile.DIR.resolve("data/webhook-secret"))
                .trim();
    }

    private static Path precious(String name) throws IOException {
        Path file = ConfinedFilesProfile.OUTSIDE.resolve(name);
        Files.writeString(file, "not Hearth's to touch: " + name);
        return file;
    }

    /** True once every listener (the library mover among them) has had the task's DownloadCompleted. */
    private boolean completionDelivered(String taskId) {
        return db.count(
                        "SELECT COUNT(*) FROM event_outbox WHERE type = ? AND payload LIKE ? AND delivered_at IS NOT NULL",
                        DownloadCompleted.class.getName(),
                        "%\"" + taskId + "\"%")
                == 1;
    }

    private static String addMovie(String hash, String name) {
        return Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(hash, name), "category", "movies"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
    }

    @Test
    void aDestinationOutsideTheRootsIsRefusedWithTheRootsAndOneInsideIsTaken() throws IOException {
        for (String destination : List.of(
                ConfinedFilesProfile.OUTSIDE.toString(),
                "/etc",
                "/root/.ssh",
                ConfinedFilesProfile.DOWNLOADS + "/../outside",
                ConfinedFilesProfile.DOWNLOADS + "/new/../../outside")) {
            Api.as("operator")
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", Torrents.magnet(Torrents.newHash(), "x"), "destination", destination))
                    .post("/api/v1/downloads")
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("INVALID_INPUT"))
                    .body("error.details.field", equalTo("destination"));
        }
        // A link inside a root that leads out of it: judged by where it really leads.
        Path link = ConfinedFilesProfile.DOWNLOADS.resolve("escape");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, ConfinedFilesProfile.OUTSIDE);
        for (String destination : List.of(link.toString(), link + "/not-yet/there")) {
            Api.as("operator")
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", Torrents.magnet(Torrents.newHash(), "x"), "destination", destination))
                    .post("/api/v1/downloads")
                    .then()
                    .statusCode(400)
                    .body("error.details.allowed_roots", hasItem(ConfinedFilesProfile.DOWNLOADS.toString()))
                    .body("error.details.allowed_roots", hasItem(ConfinedFilesProfile.MOVIES.toString()))
                    .body(
                            "error.details.allowed_roots",
                            hasItem(ConfinedFilesProfile.ARIA2
                                    .resolve("downloads")
                                    .toString()));
        }
        // The multipart door takes the same check.
        Api.as("operator")
                .multiPart("torrent", "t.torrent", Torrents.file("t.mkv"), "application/x-bittorrent")
                .multiPart("destination", ConfinedFilesProfile.OUTSIDE.toString())
                .post("/api/v1/downloads")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("destination"));

        // Inside: a folder that does not exist yet is judged by its nearest existing ancestor.
        String hash = Torrents.newHash();
        String inside =
                ConfinedFilesProfile.DOWNLOADS.resolve("series/season 1").toString();
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(hash, "Inside"), "destination", inside))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .body("task.save_path", equalTo(inside));
        assertTrue(fakes.client("fakebit").calls().contains("add:" + hash));
    }

    @Test
    void deleteDataOnAnAria2TaskPointedOutsideTheRootsDeletesNothing() throws Exception {
        Path precious = precious("precious.txt");
        String before = Files.readString(precious);
        // aria2 refuses to overwrite it (the file exists, no control file) and reports the task with precious.txt as
        // its file.
        try (FileServer server = new FileServer("precious.txt", "other bytes".getBytes(StandardCharsets.UTF_8))) {
            // Through Hearth: refused before aria2 hears of it.
            Api.as("operator")
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "url",
                            server.url("precious.txt").toString(),
                            "client",
                            "aria2",
                            "destination",
                            ConfinedFilesProfile.OUTSIDE.toString()))
                    .post("/api/v1/downloads")
                    .then()
                    .statusCode(400);

            // Added in aria2 itself (its own UI, a script, or before this Hearth): Hearth finds it on its next poll.
            String gid = aria2(
                            "aria2.addUri",
                            List.of(server.url("precious.txt").toString()),
                            Map.of("dir", ConfinedFilesProfile.OUTSIDE.toString()))
                    .asText();
            String id = "aria2:" + gid;
            Waits.until(
                    "aria2 to give up on " + gid,
                    Duration.ofSeconds(20),
                    () -> aria2("aria2.tellStatus", gid, List.of("status"))
                            .path("status")
                            .asText(),
                    "error"::equals);
            downloads.refresh();
            Api.as("viewer")
                    .get("/api/v1/tasks/" + id)
                    .then()
                    .statusCode(200)
                    .body("save_path", equalTo(ConfinedFilesProfile.OUTSIDE.toString()));

            Api.as("operator")
                    .delete("/api/v1/tasks/" + id + "?delete_data=true")
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("INVALID_INPUT"))
                    .body("error.details.field", equalTo("delete_data"))
                    .body(
                            "error.details.allowed_roots",
                            hasItem(ConfinedFilesProfile.ARIA2
                                    .resolve("downloads")
                                    .toString()))
                    .body("error.message", containsString("outside the download directories"));
            assertEquals(before, Files.readString(precious), "the file outside the roots is untouched");

            // Even asked directly, the client deletes by the configured roots, not by the directory aria2 reports.
            directory.require("aria2").client().remove(gid, true);
            assertEquals(before, Files.readString(precious), "aria2's own delete left the file alone");
            Waits.until(
                    "the task gone from aria2",
                    Duration.ofSeconds(10),
                    () -> aria2("aria2.tellStatus", gid, List.of("status"))
                            .path("status")
                            .asText(),
                    s -> s.isEmpty());
        }
    }

    @Test
    void theWebhookNamesATaskButCannotPointTheLibraryAtAFileOfItsChoosing() throws Exception {
        Path secretFile = precious("secret-" + Torrents.newHash().substring(0, 6) + ".txt");
        String hash = Torrents.newHash();
        String name = "Honest.Movie." + hash.substring(0, 6);
        String id = addMovie(hash, name);
        Files.writeString(ConfinedFilesProfile.MOVIES.resolve(name), "the movie");

        // The seed's payload with paths of the caller's choosing: a file outside every root, in the movies category.
        Map<String, Object> payload = Map.of(
                "hash",
                hash,
                "name",
                secretFile.getFileName().toString(),
                "category",
                "movies",
                "save_path",
                ConfinedFilesProfile.OUTSIDE.toString(),
                "size",
                10);
        Api.anonymous()
                .header("X-Hearth-Webhook-Secret", secret())
                .contentType(ContentType.JSON)
                .body(payload)
                .post(HOOK)
                .then()
                .statusCode(200)
                .body("task_id", equalTo(id))
                .body("recorded", equalTo(true));
        Waits.until(
                "the completion delivered to the library mover", Duration.ofSeconds(10), () -> completionDelivered(id));

        assertFalse(
                Files.exists(ConfinedFilesProfile.LIBRARY.resolve(secretFile.getFileName())),
                "the caller's file is not in the library");
        assertTrue(Files.exists(ConfinedFilesProfile.LIBRARY.resolve(name)), "the client's own file is");
        Api.as("viewer")
                .get("/api/v1/tasks/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("save_path", equalTo(ConfinedFilesProfile.MOVIES.toString()))
                .body(
                        "library_path",
                        equalTo(ConfinedFilesProfile.LIBRARY.resolve(name).toString()));
    }

    @Test
    void aClientReportingFilesOutsideTheRootsOrALinkOutGetsNothingIntoTheLibrary() throws Exception {
        // The client says the finished files are in a folder outside every root.
        Path secretFile = precious("reported-" + Torrents.newHash().substring(0, 6) + ".txt");
        String hash = Torrents.newHash();
        String id = addMovie(hash, secretFile.getFileName().toString());
        fakes.client("fakebit").complete(hash, ConfinedFilesProfile.OUTSIDE.toString());
        downloads.refresh();
        Waits.until("the completion delivered", Duration.ofSeconds(10), () -> completionDelivered(id));
        assertFalse(Files.exists(ConfinedFilesProfile.LIBRARY.resolve(secretFile.getFileName())));

        // Inside the save path, but a link to a file outside.
        Path outsideTarget = precious("linked-" + Torrents.newHash().substring(0, 6) + ".txt");
        String linkHash = Torrents.newHash();
        String linkName = "Linked." + linkHash.substring(0, 6);
        String linkId = addMovie(linkHash, linkName);
        Files.createSymbolicLink(ConfinedFilesProfile.MOVIES.resolve(linkName), outsideTarget);
        fakes.client("fakebit").complete(linkHash, ConfinedFilesProfile.MOVIES.toString());
        downloads.refresh();
        Waits.until("the completion delivered", Duration.ofSeconds(10), () -> completionDelivered(linkId));
        assertFalse(
                Files.exists(ConfinedFilesProfile.LIBRARY.resolve(linkName), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        Api.as("viewer").get("/api/v1/tasks/" + linkId).then().statusCode(200).body("library_path", equalTo(null));
    }

    @Test
    void aCopyIntoALibraryOnAnotherFileSystemKeepsModeOwnerAndTime() throws Exception {
        String hash = Torrents.newHash();
        String name = "Copied." + hash.substring(0, 6);
        String id = addMovie(hash, name);
        Path folder = Files.createDirectories(ConfinedFilesProfile.MOVIES.resolve(name));
        Path movie = folder.resolve("movie.mkv");
        Files.writeString(movie, "x".repeat(4096));
        Files.setPosixFilePermissions(movie, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.setAttribute(movie, "unix:uid", 1234);
        Files.setAttribute(movie, "unix:gid", 2345);
        Files.setLastModifiedTime(movie, java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L));

        fakes.client("fakebit").complete(hash, ConfinedFilesProfile.MOVIES.toString());
        downloads.refresh();
        Waits.until("the completion delivered", Duration.ofSeconds(10), () -> completionDelivered(id));

        Path copy = ConfinedFilesProfile.LIBRARY.resolve(name).resolve("movie.mkv");
        assertTrue(Files.exists(copy), "copied into the library on the tmpfs");
        assertFalse(Files.isSameFile(copy, movie));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)), "mode kept");
        assertEquals(1234, Files.getAttribute(copy, "unix:uid"), "owner kept");
        assertEquals(2345, Files.getAttribute(copy, "unix:gid"), "group kept");
        assertEquals(Files.getLastModifiedTime(movie), Files.getLastModifiedTime(copy), "time kept");
        assertTrue(Files.exists(movie), "link mode leaves the download where the client seeds it");
    }

    /** One JSON-RPC call to the real aria2; an error answers an empty node. */
    private JsonNode aria2(String method, Object... params) {
        try {
            List<Object> all = new java.util.ArrayList<>();
            all.add("token:" + Aria2Daemon.TOKEN);
            all.addAll(List.of(params));
            String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", "t", "method", method, "params", all));
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(aria2Url())
                                    .timeout(Duration.ofSeconds(5))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return Optional.ofNullable(JSON.readTree(r.body()).get("result")).orElse(JSON.createObjectNode());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI aria2Url() {
        String base = config.current().section(dev.hearth.services.ServicesConfig.class).services().stream()
                .filter(s -> s.name().equals("aria2"))
                .findFirst()
                .orElseThrow()
                .url();
        return URI.create(base.endsWith("/") ? base + "jsonrpc" : base + "/jsonrpc");
    }
}
