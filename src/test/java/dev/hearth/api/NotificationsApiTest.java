package dev.hearth.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NotificationsApiProfile.class)
class NotificationsApiTest {

    @Test
    void channelsAreListedWithTheirSecretsRedacted() {
        String body = Api.as("viewer")
                .get("/api/v1/notifications/channels")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("channels[0].name", equalTo("hook"))
                .body("channels[0].settings.hmac_secret", equalTo("********"))
                .body("channels[0].settings.url", equalTo("********"))
                .body("channels[1].type", equalTo("telegram"))
                .body("channels[1].min_level", equalTo("warning"))
                .body("channels[1].quiet_hours.start", equalTo("22:00"))
                .body("channels[1].settings.bot_token", equalTo("********"))
                .body("channels[1].settings.chat_ids", hasItems("42"))
                .extract()
                .asString();
        assertEquals(-1, body.indexOf(NotificationsApiProfile.HMAC));
        assertEquals(-1, body.indexOf("api-test-bot-token"));
    }

    @Test
    void anOperatorSendsATestThatArrivesSigned() {
        int before = NotificationsApiProfile.receiver.accepted.size();
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "hook"))
                .post("/api/v1/notifications/test")
                .then()
                .statusCode(200)
                .body("channel", equalTo("hook"))
                .body("ok", equalTo(true))
                .body("deliveries[0].status", equalTo("delivered"));
        assertEquals(before + 1, NotificationsApiProfile.receiver.accepted.size());
        Api.admin().get("/api/v1/audit").then().body(containsString("notifications.test"));
    }

    @Test
    void aTestToADeadChannelSaysWhatWentWrongWithoutTheToken() {
        String body = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "phone"))
                .post("/api/v1/notifications/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("deliveries[0].destination", equalTo("42"))
                .body("deliveries[0].error", containsString("refused"))
                .extract()
                .asString();
        assertEquals(-1, body.indexOf("api-test-bot-token"));
        Api.as("viewer")
                .get("/api/v1/notifications/outbox")
                .then()
                .statusCode(200)
                .body("deliveries.channel", hasItems("phone"))
                .body("deliveries[0].level", equalTo("info"))
                .body(not(containsString("api-test-bot-token")));
    }

    @Test
    void badTestRequestsAreRefusedWithTheErrorShape() {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "pager"))
                .post("/api/v1/notifications/test")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.details.known", hasItems("hook", "phone"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/notifications/test")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("channel"));
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "hook"))
                .post("/api/v1/notifications/test")
                .then()
                .statusCode(403)
                .body("error.details.required_role", equalTo("operator"));
        Api.as("viewer")
                .get("/api/v1/notifications/outbox?status=lost")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("status"));
    }

    @Test
    void anAlertRaisedThroughTheApiReachesTheChannel() {
        String message = "disk smells funny " + java.util.UUID.randomUUID();
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("level", "warning", "message", message))
                .post("/api/v1/alerts")
                .then()
                .statusCode(201);
        dev.hearth.testing.Await.untilTrue(
                java.time.Duration.ofSeconds(15),
                "the alert at the webhook",
                () -> NotificationsApiProfile.receiver.accepted.stream()
                        .anyMatch(
                                r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains(message)));
    }
}
