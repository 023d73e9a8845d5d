package dev.hearth.compat;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HomeLab Dashboard's proxy examples, sent as the seed writes them, reach the service through the hub's proxy and
 * come back in the seed's envelope {@code {"success": true, "data": …}} or {@code {"success": false, "error": "…"}}.
 */
@QuarkusTest
@TestProfile(HomeLabProfile.class)
class HomeLabDoorTest {
    private static final String H = "/compat/homelab";

    @Test
    void theSeedsGetExampleReachesTheServiceAndAnswersSuccessAndData() {
        Api.as("viewer")
                .get(H + "/api/services/1/proxy/?path=/api/status")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("success", equalTo(true))
                .body("data.method", equalTo("GET"))
                .body("data.path", equalTo("/api/status"));
    }

    @Test
    void theSeedsPostExampleCarriesItsJsonBody() {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "test"))
                .post(H + "/api/services/1/proxy/?path=/api/create")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.method", equalTo("POST"))
                .body("data.path", equalTo("/api/create"))
                .body("data.content_type", containsString("application/json"))
                .body("data.body", equalTo("{\"name\":\"test\"}"));
    }

    @Test
    void theSeedsQueryParametersAreForwarded() {
        String query = Api.as("viewer")
                .get(H + "/api/services/1/proxy/?path=/api/torrents&filter=downloading&category=movies")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.path", equalTo("/api/torrents"))
                .extract()
                .path("data.query");
        assertTrue(query.contains("filter=downloading"), query);
        assertTrue(query.contains("category=movies"), query);
        assertTrue(!query.contains("path="), "the proxy's own parameter stays with Hearth: " + query);
    }

    @Test
    void putPatchAndDeleteAsTheSeedsClientSendsThem() {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("status", "active"))
                .put(H + "/api/services/1/proxy/?path=/api/update/123")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.method", equalTo("PUT"))
                .body("data.path", equalTo("/api/update/123"))
                .body("data.body", equalTo("{\"status\":\"active\"}"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("key", "value"))
                .patch(H + "/api/services/1/proxy?path=/api/custom&param=value")
                .then()
                .statusCode(200)
                .body("data.method", equalTo("PATCH"))
                .body("data.query", equalTo("param=value"));
        Api.as("operator")
                .delete(H + "/api/services/1/proxy/?path=/api/delete/123")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.method", equalTo("DELETE"))
                .body("data.path", equalTo("/api/delete/123"));
    }

    @Test
    void failuresAreTheSeedsErrorEnvelopeAndNothingRefusedReachesTheService() {
        int before = HomeLabProfile.echo.requests.size();
        // a viewer reads; changing through the proxy is an operator's
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "test"))
                .post(H + "/api/services/1/proxy/?path=/api/create")
                .then()
                .statusCode(403)
                .body("success", equalTo(false))
                .body("error", containsString("operator"))
                .body("code", equalTo("FORBIDDEN"));
        Api.as("viewer")
                .get(H + "/api/services/1/proxy/")
                .then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error", instanceOf(String.class))
                .body("code", equalTo("INVALID_INPUT"));
        Api.as("viewer")
                .get(H + "/api/services/nope/proxy/?path=/api/status")
                .then()
                .statusCode(404)
                .body("success", equalTo(false))
                .body("error", containsString("nope"));
        Api.as("viewer")
                .get(H + "/api/services/1/proxy/?path=http://169.254.169.254/latest/meta-data")
                .then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error", instanceOf(String.class));
        Api.anonymous()
                .get(H + "/api/services/1/proxy/?path=/api/status")
                .then()
                .statusCode(401)
                .body("success", equalTo(false))
                .body("error", instanceOf(String.class))
                .body("code", equalTo("UNAUTHORIZED"));
        assertEquals(before, HomeLabProfile.echo.requests.size(), "a refused call reached the service");
        long t0 = System.nanoTime();
        Api.as("viewer")
                .get(H + "/api/services/gone/proxy/?path=/api/status")
                .then()
                .statusCode(503)
                .body("success", equalTo(false))
                .body("error", instanceOf(String.class));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void aPathBesideTheProxyIsNotFoundInTheSeedsEnvelope() {
        Api.as("viewer")
                .get(H + "/api/services")
                .then()
                .statusCode(404)
                .body("success", equalTo(false))
                .body("error", instanceOf(String.class))
                .body("code", equalTo("NOT_FOUND"));
    }
}
