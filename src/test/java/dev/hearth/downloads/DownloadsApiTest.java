package dev.hearth.downloads;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.FakeDownloadClient;
import dev.hearth.fakes.FakeTorrentProvider;
import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The downloads API over two fake clients: adding, listing, acting on tasks, the seed's Deluge routes, per-user stats. */
@QuarkusTest
@TestProfile(DownloadsProfile.class)
class DownloadsApiTest {
    @Inject
    FakeTorrentProvider fakes;

    @Inject
    DownloadService downloads;

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private FakeDownloadClient fakebit() {
        return fakes.client("fakebit");
    }

    private static String addMagnet(String role, String hash, String name) {
        return Api.as(role)
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(hash, name)))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
    }

    private static ValidatableResponse error(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue());
    }

    @Test
    void aMagnetGoesToTheFirstTorrentClientWithTheCategorysSavePath() {
        String hash = Torrents.newHash();
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(hash, "Big.Buck.Bunny"), "category", "movies"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .body("success", equalTo(true))
                .body("task_id", equalTo("fakebit:" + hash))
                .body("task.status", equalTo("metadata"))
                .body("task.type", equalTo("torrent"))
                .body("task.name", equalTo("Big.Buck.Bunny"))
                .body("task.category", equalTo("movies"))
                .body(
                        "task.save_path",
                        equalTo(DownloadsProfile.DIR.resolve("downloads/movies").toString()))
                .body("task.added_by", equalTo("key:test-operator"));
        assertTrue(fakebit().calls().contains("add:" + hash));
    }

    @Test
    void aPlainLinkGoesToAria2AndAnExplicitClientWins() {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.com/files/ubuntu-24.04.iso"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .body("task.client", equalTo("fakearia"))
                .body("task.type", equalTo("direct"))
                .body("task.name", equalTo("ubuntu-24.04.iso"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.com/files/debian.iso", "client", "fakebit"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .body("task.client", equalTo("fakebit"));
    }

    @Test
    void anUploadedTorrentFileIsAdded() {
        Api.as("operator")
                .multiPart("torrent", "sintel.torrent", Torrents.file("Sintel.2010.mkv"), "application/x-bittorrent")
                .multiPart("category", "movies")
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .body("task.client", equalTo("fakebit"))
                .body("task.name", equalTo("Sintel.2010.mkv"))
                .body("task.category", equalTo("movies"));
    }

    @Test
    void badInputAnswers400NamingTheField() {
        error(
                        Api.as("operator")
                                .contentType(ContentType.JSON)
                                .body(Map.of("url", "ftp://example.com/x.iso"))
                                .post("/api/v1/downloads")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("url"))
                .body("error.details.allowed_schemes", hasItem("magnet"));
        error(
                        Api.as("operator")
                                .contentType(ContentType.JSON)
                                .body(Map.of("url", "file:///etc/passwd"))
                                .post("/api/v1/downloads")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("url"));
        error(
                        Api.as("operator")
                                .contentType(ContentType.JSON)
                                .body(Map.of("url", "magnet:?dn=no-hash"))
                                .post("/api/v1/downloads")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.message", containsString("btih"));
        error(
                Api.as("operator")
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .post("/api/v1/downloads")
                        .then(),
                400,
                "INVALID_INPUT");
        error(
                        Api.as("operator")
                                .contentType(ContentType.JSON)
                                .body(Map.of("url", 5))
                                .post("/api/v1/downloads")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("url"));
        error(
                        Api.as("operator")
                                .multiPart(
                                        "torrent",
                                        "notes.torrent",
                                        "hello, I am not a torrent".getBytes(),
                                        "application/x-bittorrent")
                                .post("/api/v1/downloads")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("torrent"))
                .body("error.message", containsString("not a .torrent"));
        error(
                        Api.as("operator")
                                .multiPart(
                                        "torrent",
                                        "noinfo.torrent",
                                        "d3:fooi1ee".getBytes(),
                                        "application/x-bittorrent")
                                .post("/api/v1/downloads")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.message", containsString("info"));
        error(Api.as("viewer").get("/api/v1/tasks?status=sleeping").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("status"))
                .body("error.details.allowed", hasItems("active", "completed", "failed", "all"));
        error(Api.as("viewer").get("/api/v1/tasks?limit=0").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("limit"));
        error(Api.as("viewer").get("/api/v1/tasks?limit=1001").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("limit"));
        Api.as("viewer").get("/api/v1/tasks?limit=1000").then().statusCode(200).body("limit", equalTo(1000));
        error(Api.as("viewer").get("/api/v1/tasks?limit=lots").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("limit"));
        error(Api.as("viewer").get("/api/v1/tasks?offset=-1").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("offset"));
        error(
                        Api.as("operator")
                                .delete("/api/v1/tasks/fakebit:x?delete_data=maybe")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("delete_data"));
    }

    @Test
    void anUnknownClientIs404WithTheKnownNames() {
        error(
                        Api.as("operator")
                                .contentType(ContentType.JSON)
                                .body(Map.of("url", Torrents.magnet(Torrents.newHash(), "x"), "client", "nope"))
                                .post("/api/v1/downloads")
                                .then(),
                        404,
                        "NOT_FOUND")
                .body("error.details.known", equalTo(List.of("fakearia", "fakebit")));
        error(Api.as("viewer").get("/api/v1/services/nope/torrents").then(), 404, "NOT_FOUND")
                .body("error.details.known", hasItem("fakebit"));
    }

    @Test
    void anUnknownTaskIs404WithDetails() {
        error(Api.as("viewer").get("/api/v1/tasks/fakebit:0000").then(), 404, "NOT_FOUND")
                .body("error.details.task_id", equalTo("fakebit:0000"))
                .body("error.details.clients", hasItem("fakebit"));
        error(Api.as("operator").post("/api/v1/tasks/fakebit:0000/pause").then(), 404, "NOT_FOUND");
    }

    @Test
    void tasksFilterByCategoryInRestAndGraphql() {
        String movie = Torrents.newHash();
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(movie, "Category.Movie"), "category", "movies"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201);
        String plain = addMagnet("operator", Torrents.newHash(), "No.Category");

        Api.as("viewer")
                .get("/api/v1/tasks?category=movies&limit=1000")
                .then()
                .statusCode(200)
                .body("tasks.id", hasItem("fakebit:" + movie))
                .body("tasks.id", not(hasItem(plain)))
                .body("tasks.category", everyItem(equalTo("movies")));
        Api.as("viewer")
                .get("/api/v1/tasks?category=nothing-is-filed-here")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body(Map.of("query", "{ tasks(category: \"movies\", limit: 1000) { total tasks { id category } } }"))
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("data.tasks.tasks.id", hasItem("fakebit:" + movie))
                .body("data.tasks.tasks.id", not(hasItem(plain)))
                .body("data.tasks.tasks.category", everyItem(equalTo("movies")));
    }

    @Test
    void listsFilterByStatusAndPage() {
        String done = addMagnet("operator", Torrents.newHash(), "Done.One");
        addMagnet("operator", Torrents.newHash(), "Running.One");
        addMagnet("operator", Torrents.newHash(), "Running.Two");
        fakebit().complete(done.substring("fakebit:".length()), "/downloads");
        downloads.refresh();

        Api.as("viewer")
                .get("/api/v1/tasks?status=completed&limit=500")
                .then()
                .statusCode(200)
                .body("tasks.id", hasItem(done))
                .body("tasks.status", not(hasItem("downloading")));
        Api.as("viewer")
                .get("/api/v1/tasks?status=active&limit=500")
                .then()
                .statusCode(200)
                .body("tasks.id", not(hasItem(done)));
        Api.as("viewer")
                .get("/api/v1/tasks?status=seeding&limit=500")
                .then()
                .statusCode(200)
                .body("tasks.id", hasItem(done));

        int total = Api.as("viewer")
                .get("/api/v1/tasks?status=all")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        assertTrue(total >= 3);
        Api.as("viewer")
                .get("/api/v1/tasks?limit=2&offset=0")
                .then()
                .statusCode(200)
                .body("tasks.size()", equalTo(2))
                .body("has_more", equalTo(true))
                .body("total", equalTo(total))
                .body("page", equalTo(1));
        Api.as("viewer")
                .get("/api/v1/tasks?limit=2&offset=" + (total - 1))
                .then()
                .statusCode(200)
                .body("tasks.size()", equalTo(1))
                .body("has_more", equalTo(false));
        Api.as("viewer")
                .get("/api/v1/tasks?status=active&limit=1")
                .then()
                .statusCode(200)
                .body("tasks[0].speed", notNullValue())
                .body("tasks[0].eta_human", notNullValue())
                .body("tasks[0].size_human", notNullValue());
    }

    @Test
    void pauseResumeAndDeleteReachTheClientAndViewersMayNotAct() {
        String hash = Torrents.newHash();
        // In the movies category: its save path is a download root, so delete_data may delete there.
        String id = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(hash, "Pausable"), "category", "movies"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
        error(Api.as("viewer").post("/api/v1/tasks/" + id + "/pause").then(), 403, "FORBIDDEN");
        error(
                Api.as("viewer")
                        .contentType(ContentType.JSON)
                        .body(Map.of("url", Torrents.magnet(Torrents.newHash(), "v")))
                        .post("/api/v1/downloads")
                        .then(),
                403,
                "FORBIDDEN");

        Api.as("operator")
                .post("/api/v1/tasks/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("task.status", equalTo("paused"));
        Api.as("operator")
                .post("/api/v1/tasks/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("success", equalTo(true));
        Api.as("viewer")
                .get("/api/v1/tasks/" + id)
                .then()
                .statusCode(200)
                .body("files.size()", equalTo(2))
                .body("trackers[0].url", containsString("tracker"))
                .body("peers[0].client", equalTo("qBittorrent"));
        Api.as("operator")
                .delete("/api/v1/tasks/" + id + "?delete_data=true")
                .then()
                .statusCode(200)
                .body("message", equalTo("Task cancelled successfully"));
        assertEquals(
                List.of("add:" + hash, "pause:" + hash, "resume:" + hash, "remove:" + hash + ":true"),
                fakebit().calls().stream().filter(c -> c.contains(hash)).toList());
        error(Api.as("viewer").get("/api/v1/tasks/" + id).then(), 404, "NOT_FOUND");
        Api.as("admin").get("/api/v1/audit?limit=50").then().statusCode(200).body(containsString("tasks.remove"));
    }

    @Test
    void tasksAddedOutsideHearthAppearAsExternal() {
        String hash = fakebit().addExternal("Added.In.The.Web.UI." + Torrents.newHash());
        downloads.refresh();
        Api.as("viewer")
                .get("/api/v1/tasks/fakebit:" + hash)
                .then()
                .statusCode(200)
                .body("added_by", equalTo("external"))
                .body("status", equalTo("downloading"))
                .body("client_state", equalTo("ONLINE"));
    }

    /**
     * A poll writes only the tasks that moved: one paused in the client's own UI shows it, one removed there
     * leaves the list, and the one nobody touched stays listed as it was, poll after poll.
     */
    @Test
    void whatTheClientChangesByItselfIsListedAfterTheNextPollAndTheRestStays() {
        String paused = fakebit().addExternal("Paused.In.The.Web.UI." + Torrents.newHash());
        String removed = fakebit().addExternal("Removed.In.The.Web.UI." + Torrents.newHash());
        String untouched = fakebit().addExternal("Left.Alone." + Torrents.newHash());
        downloads.refresh();
        downloads.refresh(); // nothing moved: nothing written, nothing lost
        for (String hash : List.of(paused, removed, untouched)) {
            Api.as("viewer")
                    .get("/api/v1/tasks/fakebit:" + hash)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("downloading"));
        }
        fakebit().pause(paused);
        fakebit().remove(removed, false);
        downloads.refresh();
        Api.as("viewer")
                .get("/api/v1/tasks/fakebit:" + paused)
                .then()
                .statusCode(200)
                .body("status", equalTo("paused"));
        error(Api.as("viewer").get("/api/v1/tasks/fakebit:" + removed).then(), 404, "NOT_FOUND");
        for (int poll = 0; poll < 3; poll++) {
            downloads.refresh();
            Api.as("viewer")
                    .get("/api/v1/tasks/fakebit:" + untouched)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("downloading"))
                    .body("name", org.hamcrest.Matchers.startsWith("Left.Alone."));
        }
    }

    @Test
    void aDeadClientKeepsItsLastTasksAndSaysWhy() {
        String hash = Torrents.newHash();
        String id = addMagnet("operator", hash, "Before.The.Outage");
        downloads.refresh();
        fakebit().setDown(true);
        try {
            downloads.refresh();
            Api.as("viewer")
                    .get("/api/v1/downloads/clients")
                    .then()
                    .statusCode(200)
                    .body("clients.find { it.name == 'fakebit' }.state", equalTo("OFFLINE"))
                    .body("clients.find { it.name == 'fakebit' }.message", containsString("refused"))
                    .body("clients.find { it.name == 'fakearia' }.state", equalTo("ONLINE"));
            Api.as("viewer")
                    .get("/api/v1/tasks/" + id)
                    .then()
                    .statusCode(200)
                    .body("name", equalTo("Before.The.Outage"))
                    .body("client_state", equalTo("OFFLINE"))
                    .body("details_unavailable", containsString("did not answer"));
            error(Api.as("operator").post("/api/v1/tasks/" + id + "/pause").then(), 503, "SERVICE_UNAVAILABLE")
                    .body("error.details.client", equalTo("fakebit"));
        } finally {
            fakebit().setDown(false);
            downloads.refresh();
        }
    }

    @Test
    void theSeedsDelugeRoutesServeAnyClient() {
        String hash = Torrents.newHash();
        // In the movies category, whose save path is a download root: remove_data may delete there.
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(hash, "Deluge.Style"), "category", "movies"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201);
        downloads.refresh();
        Api.as("viewer")
                .get("/api/v1/services/fakebit/torrents")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("count", greaterThanOrEqualTo(1))
                .body("torrents.find { it.id == '" + hash + "' }.state", equalTo("Downloading"))
                .body("torrents.find { it.id == '" + hash + "' }.total_wanted", equalTo(1000));
        // the one paging envelope, as every list that takes a limit answers it
        Api.as("viewer")
                .get("/api/v1/services/fakebit/torrents?limit=1&offset=0")
                .then()
                .statusCode(200)
                .body("torrents.size()", equalTo(1))
                .body("count", equalTo(1))
                .body("limit", equalTo(1))
                .body("offset", equalTo(0))
                .body("total", greaterThanOrEqualTo(1))
                .body("has_more", notNullValue());
        Api.as("viewer")
                .get("/api/v1/services/fakebit/torrents/" + hash)
                .then()
                .statusCode(200)
                .body("torrent.id", equalTo(hash))
                .body("torrent.files[0].offset", equalTo(0))
                .body("torrent.files[1].offset", equalTo(600))
                .body("torrent.files[1].index", equalTo(1))
                .body("torrent.trackers[0].tier", equalTo(0))
                .body("torrent.peers[0].ip", equalTo("192.168.1.100"))
                .body("torrent.peers[0].down_speed", equalTo(100000));
        Api.as("viewer")
                .get("/api/v1/services/fakebit/peers/" + hash)
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("peers[0].client", equalTo("qBittorrent"));
        Api.as("viewer")
                .get("/api/v1/services/fakebit/stats")
                .then()
                .statusCode(200)
                .body("stats.dht_nodes", equalTo(150))
                .body("stats.num_connections", equalTo(42))
                .body("stats.download_rate", notNullValue());
        Api.as("operator")
                .post("/api/v1/services/fakebit/torrents/" + hash + "/pause")
                .then()
                .statusCode(200)
                .body("message", equalTo("Torrent " + hash + " paused"));
        Api.as("operator")
                .post("/api/v1/services/fakebit/torrents/" + hash + "/resume")
                .then()
                .statusCode(200);
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("remove_data", true))
                .post("/api/v1/services/fakebit/torrents/" + hash + "/remove")
                .then()
                .statusCode(200)
                .body("message", equalTo("Torrent " + hash + " removed"));
        assertTrue(fakebit().calls().contains("remove:" + hash + ":true"));
        String added = Torrents.newHash();
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("torrent_url", Torrents.magnet(added, "Via.Seed.Route")))
                .post("/api/v1/services/fakebit/torrents")
                .then()
                .statusCode(201)
                .body("torrent_id", equalTo(added));
    }

    @Test
    void perUserStatsCountForTheCallerThatAdded() {
        String alice = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "alice", "role", "operator"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        String ok = Api.anonymous()
                .header("X-API-Key", alice)
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(Torrents.newHash(), "Alice.Ok")))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task.client_task_id");
        String bad = Api.anonymous()
                .header("X-API-Key", alice)
                .contentType(ContentType.JSON)
                .body(Map.of("url", Torrents.magnet(Torrents.newHash(), "Alice.Bad")))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task.client_task_id");
        addMagnet("admin", Torrents.newHash(), "Admins.Own");
        fakebit().complete(ok, "/downloads");
        fakebit().fail(bad, "tracker said no");
        downloads.refresh();

        Api.as("viewer")
                .get("/api/v1/users/key:alice/stats")
                .then()
                .statusCode(200)
                .body("user_id", equalTo("key:alice"))
                .body("username", equalTo("alice"))
                .body("downloads.total", equalTo(2))
                .body("downloads.successful", equalTo(1))
                .body("downloads.failed", equalTo(1))
                .body("total_size", equalTo(1000))
                .body("last_active", notNullValue());
        Api.as("viewer")
                .get("/api/v1/users")
                .then()
                .statusCode(200)
                .body("users.id", hasItem("key:alice"))
                .body("users.id", not(hasItem("external")))
                .body("users.find { it.id == 'key:alice' }.total_downloads", equalTo(2))
                .body("total", greaterThanOrEqualTo(2));
        error(Api.as("viewer").get("/api/v1/users/key:nobody/stats").then(), 404, "NOT_FOUND")
                .body("error.details.known", hasItem("key:alice"));
        Api.as("viewer")
                .get("/api/v1/downloads/stats")
                .then()
                .statusCode(200)
                .body("today_downloads", greaterThanOrEqualTo(3))
                .body("top_downloaders.user_id", hasItem("key:alice"))
                .body("total_bandwidth_human", containsString("/s"));
    }
}
