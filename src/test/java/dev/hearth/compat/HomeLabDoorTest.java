package dev.hearth.compat;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HomeLab Dashboard's examples are its generic proxy, which arrives with issue 14: until then its paths are a 404
 * in the seed's envelope {@code {"success": false, "error": "..."}}, never a stub that pretends; 401 likewise.
 */
@QuarkusTest
class HomeLabDoorTest {
    private static final String H = "/compat/homelab";

    @Test
    void theProxyExamplesAreNotFoundInTheSeedsEnvelope() {
        Api.as("viewer")
                .get(H + "/api/services/1/proxy/?path=/api/status")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("success", equalTo(false))
                .body("error", instanceOf(String.class))
                .body("error", containsString("/compat/homelab/api/services/1/proxy"))
                .body("code", equalTo("NOT_FOUND"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "test"))
                .post(H + "/api/services/1/proxy/?path=/api/create")
                .then()
                .statusCode(404)
                .body("success", equalTo(false))
                .body("error", instanceOf(String.class));
        Api.anonymous()
                .get(H + "/api/services/1/proxy/?path=/api/torrents&filter=downloading&category=movies")
                .then()
                .statusCode(401)
                .body("success", equalTo(false))
                .body("error", instanceOf(String.class))
                .body("code", equalTo("UNAUTHORIZED"));
    }
}
