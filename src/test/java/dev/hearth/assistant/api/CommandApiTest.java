package dev.hearth.assistant.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.actions.AuditLog;
import dev.hearth.assistant.AssistantProfile;
import dev.hearth.downloads.DownloadService;
import dev.hearth.fakes.FakeTorrentProvider;
import dev.hearth.services.RuntimeDispatch;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/command} with the offline assistant, as a bot or a script uses it: the seed's shape, real actions
 * through the catalog (a real supervised process restarted), confirmation before a stop, questions back, roles kept.
 */
@QuarkusTest
@TestProfile(AssistantProfile.class)
class CommandApiTest {
    @Inject
    RuntimeDispatch services;

    @Inject
    DownloadService downloads;

    @Inject
    FakeTorrentProvider torrents;

    @Inject
    AuditLog audit;

    static Response say(String role, Object userId, String message) {
        return Api.as(role)
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", userId, "message", message))
                .post("/api/v1/command");
    }

    long plexPid() {
        return services.status("plex").pid() == null
                ? -1
                : services.status("plex").pid();
    }

    @Test
    void restartPlexRestartsTheRealProcessAndAnswersInTheSeedsShape() {
        Await.untilTrue(
                Duration.ofSeconds(10),
                "plex runs",
                () -> services.status("plex").running());
        long before = plexPid();
        Response r = say("operator", 123456789, "could you restart the plex server please?");
        r.then()
                .statusCode(200)
                .body("status", equalTo("success"))
                .body("action", equalTo("services.restart"))
                .body("message", containsString("plex"))
                .body("details.result.state", equalTo("running"));
        assertNotEquals(before, plexPid(), "a new process runs");
        assertTrue(
                audit.recent(20, 0, Instant.EPOCH).stream()
                        .anyMatch(e -> e.action().equals("services.restart")
                                && e.door().equals("chat")
                                && e.outcome().equals("ok")),
                "audited through the chat door");
    }

    @Test
    void stoppingWaitsForTheUsersYesAndNoCancels() {
        Await.untilTrue(
                Duration.ofSeconds(10),
                "plex runs",
                () -> services.status("plex").running());
        say("operator", "stopper", "stop plex")
                .then()
                .statusCode(200)
                .body("status", equalTo("needs_confirmation"))
                .body("action", equalTo("services.stop"))
                .body("confirmation.id", not(equalTo(null)))
                .body("choices", hasItem("yes"));
        assertTrue(services.status("plex").running(), "nothing stopped before the yes");
        say("operator", "stopper", "no").then().body("status", equalTo("cancelled"));
        say("operator", "stopper", "yes")
                .then()
                .body("status", equalTo("success"))
                .body("message", containsString("Nothing is waiting"));
        assertTrue(services.status("plex").running(), "a no cancels; a later yes finds nothing waiting");

        String id = say("operator", "stopper", "shut down plex")
                .then()
                .body("status", equalTo("needs_confirmation"))
                .extract()
                .path("confirmation.id");
        // another user's yes (another conversation) does not answer it
        say("operator", "someone-else", "yes").then().body("message", containsString("Nothing is waiting"));
        assertTrue(services.status("plex").running());
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", "stopper", "message", "", "context", Map.of("confirm", id)))
                .post("/api/v1/command")
                .then()
                .statusCode(200)
                .body("status", equalTo("success"))
                .body("action", equalTo("services.stop"));
        Await.untilTrue(
                Duration.ofSeconds(10),
                "plex stopped after the button's confirmation",
                () -> !services.status("plex").running());
        say("operator", "stopper", "start plex").then().body("status", equalTo("success"));
        Await.untilTrue(
                Duration.ofSeconds(10),
                "plex runs again",
                () -> services.status("plex").running());
    }

    @Test
    void aViewerIsToldWhatTheirRoleCannotDoAndNothingHappens() {
        Await.untilTrue(
                Duration.ofSeconds(10),
                "plex runs",
                () -> services.status("plex").running());
        long before = plexPid();
        say("viewer", 7, "restart plex")
                .then()
                .statusCode(200)
                .body("status", equalTo("refused"))
                .body("message", containsString("operator role"));
        assertEquals(before, plexPid());
        say("viewer", 7, "stop plex")
                .then()
                .body("status", equalTo("refused")); // no confirmation offered to someone who may not
        say("viewer", 7, "status")
                .then()
                .body("status", equalTo("success"))
                .body("action", equalTo("system.status"))
                .body("message", containsString("Hearth"));
    }

    @Test
    void anAmbiguousMessageIsAskedBackAndTheAnswerRunsTheChoice() {
        say("operator", "asker", "restart")
                .then()
                .body("status", equalTo("needs_clarification"))
                .body("choices", hasItem("Plex Media Server"));
        long before = plexPid();
        say("operator", "asker", "the plex one")
                .then()
                .body("status", equalTo("success"))
                .body("action", equalTo("services.restart"));
        assertNotEquals(before, plexPid());
    }

    @Test
    void downloadsAreListedAddedByLinkAndPausedByName() {
        torrents.client("fakebit").addExternal("Ubuntu 24.04 Desktop amd64");
        downloads.refresh();
        say("operator", "dl", "what's downloading?")
                .then()
                .body("status", equalTo("success"))
                .body("message", containsString("Ubuntu 24.04"));
        say("operator", "dl", "pause ubuntu")
                .then()
                .body("status", equalTo("success"))
                .body("action", equalTo("tasks.pause"))
                .body("message", containsString("Paused"));
        String magnet = "magnet:?xt=urn:btih:" + "ab".repeat(20) + "&dn=Big+Buck+Bunny";
        say("operator", "dl", "download " + magnet + " to movies")
                .then()
                .body("status", equalTo("success"))
                .body("action", equalTo("downloads.add"))
                .body("details.category", equalTo("movies"));
        assertTrue(
                torrents.client("fakebit").calls().stream().anyMatch(c -> c.contains("ab".repeat(20))),
                "the client got the magnet");
    }

    @Test
    void aTitleWithoutAMediaManagerIsAnsweredPlainlyAndALimitIsUnderstoodButNotAvailable() {
        say("operator", "t", "Download Inception")
                .then()
                .statusCode(200)
                .body("status", equalTo("not_available"))
                .body("message", containsString("No media manager or indexer"))
                .body("details.title", equalTo("Inception"));
        say("operator", "t", "limit downloads to 5 MB/s")
                .then()
                .body("status", equalTo("not_available"))
                .body("details.bytes_per_second", equalTo(5_000_000))
                .body("message", containsString("5 MB/s"));
    }

    @Test
    void theHistoryKeepsBothSidesPerConversation() {
        say("viewer", "hist", "alerts");
        List<Map<String, Object>> messages = Api.as("viewer")
                .get("/api/v1/command/history?user_id=hist")
                .then()
                .statusCode(200)
                .body("provider", equalTo("offline"))
                .extract()
                .path("messages");
        assertEquals("alerts", messages.get(messages.size() - 2).get("text"));
        assertEquals("assistant", messages.getLast().get("role"));
        assertEquals(
                List.of(),
                Api.as("operator")
                        .get("/api/v1/command/history?user_id=hist")
                        .then()
                        .extract()
                        .path("messages"),
                "another caller does not see it");
    }

    @Test
    void badInputGetsTheErrorShape() {
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", 1))
                .post("/api/v1/command")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.details.field", equalTo("message"));
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body(Map.of("message", "x".repeat(4001)))
                .post("/api/v1/command")
                .then()
                .statusCode(400);
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body(Map.of("message", "hi", "context", Map.of("confirm", "../etc")))
                .post("/api/v1/command")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("context.confirm"));
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("message", "status"))
                .post("/api/v1/command")
                .then()
                .statusCode(401);
    }
}
