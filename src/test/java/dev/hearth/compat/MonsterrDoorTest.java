package dev.hearth.compat;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.media.api.MediaBackendsProfile;
import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Monsterr's service routes sent to {@code /compat/monsterr/{service}/…} against the media doubles (Plex, Radarr,
 * Overseerr): what each answers through the media feature, the roles, and the seed's error shape with
 * {@code SERVICE_NOT_FOUND} and its "Available services: …" details.
 */
@QuarkusTest
@TestProfile(MediaBackendsProfile.class)
class MonsterrDoorTest {
    private static final String M = "/compat/monsterr";

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private static ValidatableResponse monsterrError(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo(code))
                .body("error.message", instanceOf(String.class))
                .body("error.details", instanceOf(String.class));
    }

    @Test
    void plexLibrariesSessionsAndARefreshThroughTheCatalog() {
        Api.as("viewer")
                .get(M + "/plex/library/sections")
                .then()
                .statusCode(200)
                .body("server", equalTo("plex"))
                .body("libraries.name", hasItems(MediaScenario.MOVIES.name(), MediaScenario.SHOWS.name()));
        Api.as("viewer")
                .get(M + "/plex/status/sessions")
                .then()
                .statusCode(200)
                .body("streams.size()", equalTo(MediaScenario.PLAYING.size()))
                .body("streams.item.title", hasItem("Inception"));
        monsterrError(
                Api.as("viewer").post(M + "/plex/library/sections/1/refresh").then(), 403, "FORBIDDEN");
        Api.as("operator")
                .post(M + "/plex/library/sections/1/refresh")
                .then()
                .statusCode(200)
                .body("library", equalTo(MediaScenario.MOVIES.name()));
    }

    @Test
    void arrStatusQueueAndCalendar() {
        Api.as("viewer")
                .get(M + "/radarr/system/status")
                .then()
                .statusCode(200)
                .body("app_name", equalTo("Radarr"))
                .body("version", instanceOf(String.class));
        Api.as("viewer")
                .get(M + "/radarr/queue")
                .then()
                .statusCode(200)
                .body("entries.release", hasItem(MediaScenario.MOVIE.queuedRelease()));
        Api.as("viewer")
                .get(M + "/radarr/calendar?start=2026-12-01&end=2026-12-07")
                .then()
                .statusCode(200)
                .body("entries.item.title", hasItem(MediaScenario.MOVIE.due().title()));
        Api.as("viewer")
                .get(M + "/radarr/calendar?start=2026-12-05&end=2026-12-07")
                .then()
                .statusCode(200)
                .body("entries", empty());
        monsterrError(
                Api.as("viewer").get(M + "/radarr/calendar?start=yesterday").then(), 400, "INVALID_INPUT");
    }

    @Test
    void overseerrRequests() {
        Api.as("viewer")
                .get(M + "/overseerr/request?filter=all&take=10")
                .then()
                .statusCode(200)
                .body("service", equalTo("overseerr"))
                .body("requests", not(empty()));
        monsterrError(
                Api.as("viewer").get(M + "/overseerr/request?filter=sideways").then(), 400, "INVALID_INPUT");
    }

    @Test
    void unknownServicesMissingKeysAndWrongKindsAnswerTheSeedsShape() {
        monsterrError(Api.as("viewer").get(M + "/invalid/library/sections").then(), 404, "SERVICE_NOT_FOUND")
                .body("error.details", startsWith("Available services: "))
                .body("error.details", equalTo("Available services: plex"));
        // Radarr is not a media server: the servers that exist are named.
        monsterrError(Api.as("viewer").get(M + "/radarr/library/sections").then(), 404, "SERVICE_NOT_FOUND")
                .body("error.details", equalTo("Available services: plex"));
        monsterrError(Api.as("viewer").get(M + "/plex/queue").then(), 404, "SERVICE_NOT_FOUND")
                .body("error.details", equalTo("Available services: radarr, lidarr"));
        monsterrError(Api.anonymous().get(M + "/plex/library/sections").then(), 401, "UNAUTHORIZED");
    }
}
