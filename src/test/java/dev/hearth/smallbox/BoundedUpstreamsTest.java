package dev.hearth.smallbox;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 9: upstreams that answer without end — a download client at a service URL, a Docker
 * endpoint, Traefik's API found for label discovery — give a prompt answer in the error shape, and Hearth
 * goes on serving (its heap was never asked for more than 16 MB per answer).
 */
@QuarkusTest
@TestProfile(SmallBoxProfile.class)
class BoundedUpstreamsTest {

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    @Test
    void aDownloadClientThatAnswersWithoutEndIsA503() {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=x",
                        "client",
                        "bigmouth"))
                .post("/api/v1/downloads")
                .then()
                .statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("error.message", containsString("more than 16 MB"))
                .body("error.request_id", notNullValue());
        Api.anonymous().get("/health").then().statusCode(200);
    }

    @Test
    void aDockerEndpointThatAnswersWithoutEndIsA503() {
        Api.as("operator")
                .post("/api/v1/services/bigbox/restart")
                .then()
                .statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("error.message", containsString("more than 16 MB"));
        Api.anonymous().get("/health").then().statusCode(200);
    }

    @Test
    void traefiksApiAnsweringWithoutEndFailsDiscoveryWithAReason() {
        String answer = Api.as("operator")
                .post("/api/v1/services/discover")
                .then()
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("more than 16 MB"), answer);
        Api.anonymous().get("/health").then().statusCode(200);
    }
}
