package dev.hearth.downloads;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hearth.testing.Api;
import dev.hearth.testing.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 6: a viewer never sees a secret that rides inside a URL — a private tracker's passkey in a
 * task (its link and, from the REAL aria2, its trackers), a database password in the config's storage URL.
 */
@QuarkusTest
@TestProfile(ConfinedFilesProfile.class)
class SecretsInAnswersTest {
    private static final String PASSKEY = "0123456789abcdef0123456789abcdef";
    private static final String PATH_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    @Test
    void aPrivateTrackersPasskeyIsMaskedInTheTaskItsLinkAndItsTrackers() {
        String hash = Torrents.newHash();
        String magnet = "magnet:?xt=urn:btih:" + hash + "&dn=Private.Thing"
                + "&tr="
                + URLEncoder.encode("http://127.0.0.1:1/announce.php?passkey=" + PASSKEY, StandardCharsets.UTF_8)
                + "&tr=" + URLEncoder.encode("http://127.0.0.1:1/" + PATH_KEY + "/announce", StandardCharsets.UTF_8);
        String id = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("url", magnet, "client", "aria2", "category", "movies"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
        String gid = id.substring("aria2:".length());

        // aria2 itself knows the trackers (it must, to announce): Hearth's answers show them masked.
        String details = Waits.until(
                "aria2 to list the task's trackers",
                Duration.ofSeconds(10),
                () -> Api.as("viewer")
                        .get("/api/v1/tasks/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                b -> b.contains("announce"));
        Api.as("viewer")
                .get("/api/v1/tasks/" + id)
                .then()
                .statusCode(200)
                .body("trackers.url", hasItem("http://127.0.0.1:1/announce.php?passkey=********"))
                .body("trackers.url", hasItem("http://127.0.0.1:1/********/announce"))
                .body("url", containsString("Private.Thing"));
        String listed = Api.as("viewer")
                .get("/api/v1/tasks?status=all&limit=500")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String seedRoute = Api.as("viewer")
                .get("/api/v1/services/aria2/torrents/" + gid)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String answer : List.of(details, listed, seedRoute)) {
            assertFalse(answer.contains(PASSKEY) || answer.contains(PATH_KEY), "a passkey in: " + answer);
        }
        Api.as("operator").delete("/api/v1/tasks/" + id).then().statusCode(200);
    }

    @Test
    void theConfigShowsTheDatabaseUrlWithoutItsPassword() {
        Api.as("viewer")
                .get("/api/v1/config")
                .then()
                .statusCode(200)
                .body("storage.url", equalTo("jdbc:postgresql://db.lan:5432/hearth?user=hearth&password=********"));
        String body = Api.as("viewer").get("/api/v1/config").then().extract().asString();
        assertFalse(body.contains(ConfinedFilesProfile.DATABASE_PASSWORD), body);
    }
}
