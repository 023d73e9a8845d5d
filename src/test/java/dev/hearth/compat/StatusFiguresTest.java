package dev.hearth.compat;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.services.HealthBoard;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The status blocks of Hearth ({@code /api/v1/status}) and of the automation door ({@code /status}): a media
 * server's streams (the Plex double's sessions) and a REAL qBittorrent's active downloads and rate, as the
 * services' last polls read them.
 */
@QuarkusTest
@TestProfile(StatusFiguresProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusFiguresTest {
    private static final Duration POLLED_WITHIN = Duration.ofSeconds(30);
    private static final String HASH = "5f1c0de5a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @Inject
    HealthBoard board;

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private static JsonPath get(String path) {
        return Api.as("viewer")
                .get(path)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
    }

    @Test
    void mediaServersCarryTheirActiveStreamsInBothStatusBlocks() {
        int playing = MediaScenario.PLAYING.size();
        Await.untilTrue(
                POLLED_WITHIN,
                "Hearth's status shows Plex's streams",
                () -> Integer.valueOf(playing)
                        .equals(get("/api/v1/status").get("services.by_name.plex.active_streams")));
        JsonPath hearth = get("/api/v1/status");
        org.junit.jupiter.api.Assertions.assertEquals("running", hearth.getString("services.by_name.plex.status"));
        org.junit.jupiter.api.Assertions.assertNull(hearth.get("services.by_name.plex.active_downloads"));
        org.junit.jupiter.api.Assertions.assertEquals(2, hearth.getInt("services.total"));

        Api.as("viewer")
                .get("/compat/automation/status")
                .then()
                .statusCode(200)
                .body("services.plex.status", equalTo("running"))
                .body("services.plex.active_streams", equalTo(playing))
                .body("services.plex", not(hasKey("download_speed")))
                .body("services.qbittorrent", not(hasKey("active_streams")));
    }

    @Test
    @Order(1)
    void downloadClientsCarryTheirActiveDownloadsAndRateFromTheLastPoll() {
        Await.untilTrue(
                POLLED_WITHIN,
                "qBittorrent polled",
                () -> "running".equals(get("/compat/automation/status").getString("services.qbittorrent.status")));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        "magnet:?xt=urn:btih:" + HASH + "&dn=Status.Figures&tr=udp%3A%2F%2Ftracker.example.com%3A80",
                        "client",
                        "qbittorrent"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201);
        // A magnet nobody seeds stays active: one active download, however long the test runs.
        Await.untilTrue(
                POLLED_WITHIN,
                "the automation door counts the new download",
                () -> Integer.valueOf(1)
                        .equals(get("/compat/automation/status").get("services.qbittorrent.active_downloads")));
        Api.as("viewer")
                .get("/compat/automation/status")
                .then()
                .body("services.qbittorrent.status", equalTo("running"))
                .body("services.qbittorrent.download_speed", matchesPattern("\\d+(\\.\\d)? (B|KB|MB|GB)/s"));
        JsonPath hearth = get("/api/v1/status");
        org.junit.jupiter.api.Assertions.assertEquals(
                1, hearth.getInt("services.by_name.qbittorrent.active_downloads"));
        org.junit.jupiter.api.Assertions.assertTrue(hearth.getLong("services.by_name.qbittorrent.download_speed") >= 0);
        org.junit.jupiter.api.Assertions.assertTrue(
                hearth.getString("services.by_name.qbittorrent.download_speed_human")
                        .endsWith("/s"));
        org.junit.jupiter.api.Assertions.assertNull(hearth.get("services.by_name.qbittorrent.active_streams"));
    }

    /**
     * {@code /api/v1/status} serves one services block until the board moves: a poll's change is in the very next
     * answer, however recently the block was built. The removal below changes the store at once; the poll asked
     * right after it moves the board, and the next answer counts no download, with no wait.
     */
    @Test
    @Order(2)
    void aPollsChangeIsInTheNextStatusAnswer() {
        Await.untilTrue(
                POLLED_WITHIN,
                "Hearth's status counts the download added above",
                () -> Integer.valueOf(1)
                        .equals(get("/api/v1/status").get("services.by_name.qbittorrent.active_downloads")));
        org.junit.jupiter.api.Assertions.assertEquals(
                1, get("/api/v1/status").getInt("services.by_name.qbittorrent.active_downloads"), "served again");
        Api.as("operator")
                .delete("/api/v1/tasks/qbittorrent:" + HASH) // a magnet without metadata has no data to delete
                .then()
                .statusCode(200);
        org.junit.jupiter.api.Assertions.assertTrue(board.poll("qbittorrent").isPresent());
        JsonPath next = get("/api/v1/status");
        org.junit.jupiter.api.Assertions.assertEquals("running", next.getString("services.by_name.qbittorrent.status"));
        org.junit.jupiter.api.Assertions.assertEquals(
                0, next.getInt("services.by_name.qbittorrent.active_downloads"), "the poll's change, at once");
    }
}
