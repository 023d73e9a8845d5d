package dev.hearth.media.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Tautulli's reads, Prowlarr's indexer test and the *arr commands under /api/v1/media, against the doubles (which
 * check the key as the real services do): the roles, the record answers, the error shape, what reached the app.
 */
@QuarkusTest
@TestProfile(MediaBackendsProfile.class)
class MediaServiceActionsTest {

    @Test
    void aViewerReadsTautullisActivityHistoryLibrariesAndUsers() {
        Api.as("viewer")
                .get("/api/v1/media/stats/tautulli/activity")
                .then()
                .statusCode(200)
                .body("service", equalTo("tautulli"))
                .body("activity.streams.item.title", hasItem("Inception"));
        Api.as("viewer")
                .get("/api/v1/media/stats/tautulli/history?limit=1&offset=1")
                .then()
                .statusCode(200)
                .body("plays.user", org.hamcrest.Matchers.contains("Bob"))
                .body("total", equalTo(2))
                .body("has_more", equalTo(false))
                .body("offset", equalTo(1));
        Api.as("viewer")
                .get("/api/v1/media/stats/tautulli/libraries")
                .then()
                .statusCode(200)
                .body("libraries.name", hasItems("Movies", "TV Shows"));
        Api.as("viewer")
                .get("/api/v1/media/stats/tautulli/users")
                .then()
                .statusCode(200)
                .body("users.friendly_name", hasItems("Alice", "Bob"));
        Api.as("viewer")
                .get("/api/v1/media/stats/tautulli/history?limit=1000")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
        Api.as("viewer")
                .get("/api/v1/media/stats/plex/users") // Plex is a media server, not a statistics service
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void anOperatorTestsAnIndexerAndHearsWhatIsWrong() {
        Api.as("viewer").post("/api/v1/media/indexers/prowlarr/1/test").then().statusCode(403);
        Api.as("operator")
                .post("/api/v1/media/indexers/prowlarr/1/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));
        Api.as("operator")
                .post("/api/v1/media/indexers/prowlarr/2/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("failures[0]", containsString("Unable to connect to indexer"));
        assertTrue(MediaBackendsProfile.received("prowlarr").containsAll(java.util.List.of("test 1", "test 2")));
        Api.as("operator")
                .post("/api/v1/media/indexers/prowlarr/a b/test")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void anOperatorAsksRadarrToSearchOrRefreshAMovieItHas() {
        Api.as("viewer")
                .post("/api/v1/media/managers/radarr/titles/1/search")
                .then()
                .statusCode(403);
        Api.as("operator")
                .post("/api/v1/media/managers/radarr/titles/1/search")
                .then()
                .statusCode(200)
                .body("command", equalTo("search"))
                .body("status.name", equalTo("MoviesSearch"));
        Api.as("operator")
                .post("/api/v1/media/managers/radarr/titles/1/refresh")
                .then()
                .statusCode(200)
                .body("status.name", equalTo("RefreshMovie"));
        assertTrue(
                MediaBackendsProfile.received("radarr")
                        .containsAll(java.util.List.of("command MoviesSearch 1", "command RefreshMovie 1")),
                MediaBackendsProfile.received("radarr").toString());
        Api.as("operator")
                .post("/api/v1/media/managers/radarr/titles/999/search")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        Api.as("operator")
                .post("/api/v1/media/managers/radarr/titles/1/delete")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("command"));
        assertFalse(MediaBackendsProfile.received("radarr").stream().anyMatch(r -> r.contains("999")));
    }
}
