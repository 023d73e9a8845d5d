package dev.hearth.compat;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The automation server's own API (the seed's "Internal APIs" and webhook) sent to {@code /compat/automation}
 * unchanged, against a REAL Docker container "plex": every documented field, and its error shape
 * {@code {"status": "error", "error": {"code", "message", "details"}}}.
 */
@QuarkusTest
@TestProfile(AutomationProfile.class)
class AutomationDoorTest {
    private static final String A = "/compat/automation";

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private static RequestSpecification as(String role) {
        return Api.as(role).contentType(ContentType.JSON);
    }

    private static ValidatableResponse automationError(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .contentType(ContentType.JSON)
                .body("status", equalTo("error"))
                .body("error.code", equalTo(code))
                .body("error.message", instanceOf(String.class))
                .body("error.details", instanceOf(Map.class));
    }

    @Test
    void dockerControlRestartsARealContainerAndReadsItsLogs() {
        Api.anonymous()
                .header("x-api-key", Api.key("operator")) // the seed writes the header in lower case
                .contentType(ContentType.JSON)
                .body(Map.of("container", "plex", "action", "restart"))
                .post(A + "/docker/restart")
                .then()
                .statusCode(200)
                .body("status", equalTo("success"))
                .body("container", equalTo("plex"))
                .body("action", equalTo("restart"))
                .body("message", equalTo("Container restarted successfully"))
                .body("result.state", equalTo("running"));
        as("operator")
                .body(Map.of("container", "plex", "action", "logs"))
                .post(A + "/docker/logs")
                .then()
                .statusCode(200)
                .body("status", equalTo("success"))
                .body("logs.text", hasItem("plex says hello"));
        automationError(
                        as("operator")
                                .body(Map.of("container", "plex", "action", "scale"))
                                .post(A + "/docker/scale")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("action"));
        automationError(
                        as("operator")
                                .body(Map.of("container", "minecraft", "action", "start"))
                                .post(A + "/docker/start")
                                .then(),
                        404,
                        "NOT_FOUND")
                .body("error.details.known", hasItem("plex"));
        automationError(
                as("viewer")
                        .body(Map.of("container", "plex"))
                        .post(A + "/docker/stop")
                        .then(),
                403,
                "FORBIDDEN");
    }

    @Test
    void statusMapsEachServiceByName() {
        as("viewer")
                .get(A + "/status")
                .then()
                .statusCode(200)
                .body("services.plex.status", equalTo("running"))
                .body("services.plex.uptime", instanceOf(String.class))
                .body("services.hung.status", instanceOf(String.class))
                .body("services.hung", not(hasKey("active_downloads")));
    }

    @Test
    void commandAnswersTheSeedsFieldsThroughTheAssistant() {
        as("viewer")
                .body(Map.of("user_id", 123, "message", "status"))
                .post(A + "/command")
                .then()
                .statusCode(200)
                .body("status", instanceOf(String.class))
                .body("$", hasKey("action"))
                .body("details", notNullValue())
                .body("message", instanceOf(String.class));
        automationError(
                as("viewer").body(Map.of("user_id", 123)).post(A + "/command").then(), 400, "INVALID_INPUT");
    }

    @Test
    void theDownloadCompleteWebhookIsProvedByTheSecretAndChecksThePayload() {
        Map<String, Object> seedPayload = Map.of(
                "hash", "abc123",
                "name", "Inception.2010.1080p",
                "category", "movies",
                "save_path", "/downloads/movies",
                "size", 2147483648L,
                "completion_time", 1635789012);
        automationError(
                Api.anonymous()
                        .contentType(ContentType.JSON)
                        .body(seedPayload)
                        .post(A + "/webhook/download-complete")
                        .then(),
                401,
                "UNAUTHORIZED");
        // the seed's sample hash is not an info-hash: refused, naming the field, in the seed's shape
        automationError(
                        Api.anonymous()
                                .header("X-Hearth-Webhook-Secret", AutomationProfile.WEBHOOK_SECRET)
                                .contentType(ContentType.JSON)
                                .body(seedPayload)
                                .post(A + "/webhook/download-complete")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.message", org.hamcrest.Matchers.containsString("hash"));
    }

    @Test
    void missingKeysUnknownRoutesAndTheRateLimitAnswerTheSeedsShapeAndCodes() {
        automationError(Api.anonymous().get(A + "/status").then(), 401, "UNAUTHORIZED");
        automationError(as("operator").body(Map.of()).post(A + "/no-such-route").then(), 404, "NOT_FOUND");
        String key = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "automation-burst", "role", "viewer"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        Response last = null;
        for (int i = 0; i < 150 && (last == null || last.statusCode() != 429); i++) {
            last = Api.anonymous().header("X-API-Key", key).get(A + "/status");
        }
        assertEquals(429, last.statusCode());
        automationError(last.then(), 429, "RATE_LIMIT_EXCEEDED");
    }
}
