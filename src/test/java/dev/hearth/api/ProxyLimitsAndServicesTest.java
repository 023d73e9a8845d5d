package dev.hearth.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ProxyLimitsAndServicesProfile.class)
class ProxyLimitsAndServicesTest {

    /** A request as the trusted proxy sends it: with its shared secret. */
    static io.restassured.specification.RequestSpecification proxy() {
        return Api.anonymous().header("X-Proxy-Secret", ProxyLimitsAndServicesProfile.PROXY_SECRET);
    }

    @Test
    void forwardAuthHeadersFromATrustedProxyMapGroupsToRoles() {
        proxy().header("Remote-User", "alice")
                .header("Remote-Groups", "family, admins")
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("alice"))
                .body("role", equalTo("admin"))
                .body("method", equalTo("forward_auth"));
        proxy().header("Remote-User", "bob")
                .header("Remote-Groups", "operators")
                .get("/api/v1/auth/me")
                .then()
                .body("role", equalTo("operator"));
        proxy().header("Remote-User", "kid")
                .header("Remote-Groups", "family")
                .get("/api/v1/auth/me")
                .then()
                .body("role", equalTo("viewer"));
        proxy().header("Remote-User", "kid")
                .header("Sec-Fetch-Site", "same-origin")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "sneaky", "role", "admin"))
                .post("/api/v1/keys")
                .then()
                .statusCode(403)
                .body("error.details.required_role", equalTo("admin"));
    }

    @Test
    void forwardAuthHeadersAreIgnoredWhenTheProxyIsNotTrusted() throws Exception {
        // Only 127.0.0.1 is trusted: the same headers from 127.0.0.2 (loopback too, not the proxy) are nobody's.
        java.net.http.HttpClient fromElsewhere = java.net.http.HttpClient.newBuilder()
                .localAddress(java.net.InetAddress.getByName("127.0.0.2"))
                .build();
        java.net.http.HttpResponse<String> r = fromElsewhere.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/v1/auth/me"))
                        .header("Remote-User", "mallory")
                        .header("Remote-Groups", "admins")
                        .header("X-Proxy-Secret", ProxyLimitsAndServicesProfile.PROXY_SECRET)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body());
        // And who is trusted cannot be changed through the API, by any key: only in hearth.yml.
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("security", Map.of("trusted_proxies", List.of("0.0.0.0/0"))))
                .patch("/api/v1/config")
                .then()
                .statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("only in hearth.yml"));
        proxy().header("Remote-User", "alice")
                .header("Remote-Groups", "admins")
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200);
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
        String key = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "limited", "role", "viewer"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        for (int i = 4; i >= 0; i--) {
            Response r = Api.anonymous().header("X-API-Key", key).get("/api/v1/status");
            r.then()
                    .statusCode(200)
                    .header("X-RateLimit-Limit", "5")
                    .header("X-RateLimit-Remaining", String.valueOf(i));
            int reset = Integer.parseInt(r.header("X-RateLimit-Reset"));
            assertTrue(reset >= 1 && reset <= 60, "reset in seconds: " + reset);
        }
        Response limited = Api.anonymous().header("X-API-Key", key).get("/api/v1/status");
        limited.then()
                .statusCode(429)
                .body("error.code", equalTo("RATE_LIMITED"))
                .header("X-RateLimit-Remaining", "0");
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        // Other clients and other route groups are not held back.
        Api.as("viewer").get("/api/v1/status").then().statusCode(200);
        Api.anonymous().header("X-API-Key", key).get("/api/v1/config").then().statusCode(200);
    }

    @Test
    void genericHttpServicesAreCheckedByUrlWithAReasonAPersonCanActOn() {
        Await.untilTrue(
                Duration.ofSeconds(15),
                "all three services checked",
                () -> Api.as("viewer").get("/api/v1/integrations").jsonPath().getList("services.health.status").stream()
                        .noneMatch("UNKNOWN"::equals));
        var services = Api.as("viewer").get("/api/v1/integrations").jsonPath();
        assertEquals("ONLINE", services.getString("services.find { it.name == 'web' }.health.status"));
        assertEquals("AUTH_ERROR", services.getString("services.find { it.name == 'locked' }.health.detail"));
        assertEquals("OFFLINE", services.getString("services.find { it.name == 'dead' }.health.status"));
        assertEquals("COMMUNICATION_ERROR", services.getString("services.find { it.name == 'dead' }.health.detail"));
        Api.admin()
                .get("/api/v1/status")
                .then()
                .body("services.total", equalTo(3))
                .body("services.online", equalTo(1))
                .body("services.offline", equalTo(2));
    }
}
