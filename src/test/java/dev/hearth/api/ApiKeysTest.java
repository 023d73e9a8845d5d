package dev.hearth.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeysTest {

    private static Map<String, Object> create(Map<String, Object> body) {
        return Api.admin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    @Test
    void aNewKeyIsShownOnceAndWorksAsHeaderOrBearer() {
        String name = "grafana-" + java.util.UUID.randomUUID();
        Map<String, Object> created = create(Map.of("name", name, "role", "viewer"));
        String secret = (String) created.get("key");
        Api.anonymous().header("X-API-Key", secret).get("/api/v1/status").then().statusCode(200);
        Api.anonymous()
                .header("Authorization", "Bearer " + secret)
                .get("/api/v1/status")
                .then()
                .statusCode(200);
        String listing = Api.admin()
                .get("/api/v1/keys")
                .then()
                .statusCode(200)
                .body("keys.name", hasItem(name))
                .body("keys.find { it.name == '" + name + "' }.role", equalTo("viewer"))
                .body("keys.find { it.name == '" + name + "' }.prefix", equalTo(secret.substring(0, 8)))
                .extract()
                .asString();
        assertFalse(listing.contains(secret), "the listing must never carry a secret");
        assertFalse(listing.contains("key_hash"), "nor a hash");
    }

    @Test
    void aRevokedKeyStopsWorkingOnTheNextRequest() {
        String name = "short-lived-" + java.util.UUID.randomUUID();
        Map<String, Object> created = create(Map.of("name", name, "role", "operator"));
        String secret = (String) created.get("key");
        Api.anonymous().header("X-API-Key", secret).get("/api/v1/status").then().statusCode(200);
        Api.admin()
                .delete("/api/v1/keys/" + created.get("id"))
                .then()
                .statusCode(200)
                .body("revoked", equalTo(true));
        Api.anonymous()
                .header("X-API-Key", secret)
                .get("/api/v1/status")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        Api.admin().get("/api/v1/keys").then().body("keys.name", not(hasItem(name)));
        Api.admin().delete("/api/v1/keys/" + created.get("id")).then().statusCode(404);
    }

    @Test
    void aKeyStopsWorkingWhenItExpires() {
        Instant soon = Instant.now().plusSeconds(2);
        String secret = (String) create(Map.of("name", "expiring", "role", "viewer", "expires_at", soon.toString()))
                .get("key");
        Api.anonymous().header("X-API-Key", secret).get("/api/v1/status").then().statusCode(200);
        Await.untilTrue(
                Duration.ofSeconds(10),
                "the key to expire",
                () -> Api.anonymous()
                                .header("X-API-Key", secret)
                                .get("/api/v1/status")
                                .statusCode()
                        == 401);
    }

    @Test
    void anExpiryInThePastOrAnUnknownRoleIsRefused() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "old", "role", "viewer", "expires_at", "2020-01-01T00:00:00Z"))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("expires_at"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "odd", "role", "root"))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("role"));
    }

    @Test
    void aWrongKeyIsRefusedWithTheErrorShape() {
        Api.anonymous()
                .header("X-API-Key", "hth_not_a_key")
                .get("/api/v1/status")
                .then()
                .statusCode(401)
                .body("error.message", startsWith("API key is not valid"));
        Api.anonymous()
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .get("/api/v1/status")
                .then()
                .statusCode(401);
    }

    @Test
    void creatingAndRevokingKeysIsAuditedWithoutTheSecret() {
        Map<String, Object> created = create(Map.of("name", "audited", "role", "viewer"));
        Api.admin().delete("/api/v1/keys/" + created.get("id")).then().statusCode(200);
        String audit = Api.admin()
                .get("/api/v1/audit?limit=50")
                .then()
                .statusCode(200)
                .body("entries.find { it.action == 'keys.revoke' }.door", equalTo("rest"))
                .body("entries.find { it.action == 'keys.create' }.outcome", equalTo("ok"))
                .body("entries.find { it.action == 'keys.create' }.actor", equalTo("key:admin (HEARTH_ADMIN_API_KEY)"))
                .body("total", notNullValue())
                .extract()
                .asString();
        assertFalse(audit.contains((String) created.get("key")));
    }
}
