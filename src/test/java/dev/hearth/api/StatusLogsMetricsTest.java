package dev.hearth.api;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusLogsMetricsTest {

    @Test
    void healthNeedsNoCredentialsAndReportsStorage() {
        Api.anonymous()
                .get("/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("up"))
                .body("checks.storage", equalTo("up"))
                .body("version", notNullValue())
                .body("timestamp", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*Z"));
    }

    @Test
    void servicesStatusListsEveryServicesStatusInsteadOfLookingForAServiceCalledStatus() {
        Api.as("viewer")
                .get("/api/v1/services/status")
                .then()
                .statusCode(200)
                .body("services", notNullValue())
                .body("total", greaterThanOrEqualTo(0))
                .body("checked_at", notNullValue());
    }

    @Test
    void statsCarriesMltbsFiguresInHearthsConvention() {
        Api.as("viewer")
                .get("/api/v1/stats")
                .then()
                .statusCode(200)
                .body("version", notNullValue())
                .body("uptime", notNullValue())
                .body("uptime_seconds", greaterThanOrEqualTo(0))
                .body("active_tasks", greaterThanOrEqualTo(0))
                .body("total_downloads", greaterThanOrEqualTo(0))
                .body("total_uploads", equalTo(0))
                .body("total_users", greaterThanOrEqualTo(0))
                .body("memory_usage", allOf(greaterThanOrEqualTo(0f), lessThanOrEqualTo(100f)))
                .body("disk_usage", allOf(greaterThanOrEqualTo(0f), lessThanOrEqualTo(100f)));
        Api.anonymous().get("/api/v1/stats").then().statusCode(401);
    }

    @Test
    void statusCarriesTheSeedsFields() {
        Api.as("viewer")
                .get("/api/v1/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("running"))
                .body("version", notNullValue())
                .body("uptime", matchesPattern("(\\d+d \\d+h \\d+m|\\d+h \\d+m|\\d+m \\d+s)"))
                .body("uptime_seconds", greaterThanOrEqualTo(0))
                .body("cpu_usage", allOf(greaterThanOrEqualTo(0f), lessThanOrEqualTo(100f)))
                .body("memory_usage", allOf(greaterThanOrEqualTo(0f), lessThanOrEqualTo(100f)))
                .body("disk_usage", allOf(greaterThanOrEqualTo(0f), lessThanOrEqualTo(100f)))
                .body("services.total", greaterThanOrEqualTo(0));
    }

    @Test
    void logsAreFilteredByLevelLimitedAndNeverCarrySecrets() {
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("username", "log-probe", "password", "hunter2-not-logged"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);
        String secret = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "log-check", "role", "viewer"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        String warnings = Api.as("viewer")
                .get("/api/v1/logs?level=warn&limit=1000")
                .then()
                .statusCode(200)
                .body("logs.level", everyItem(in(List.of("warn", "error"))))
                .body("logs.message", hasItem(containsString("Failed login for user 'log-probe'")))
                .extract()
                .asString();
        assertFalse(warnings.contains("hunter2-not-logged"));
        String all =
                Api.as("viewer").get("/api/v1/logs?limit=1000").then().extract().asString();
        assertFalse(all.contains(secret), "an API key must never reach the log");
        Api.as("viewer").get("/api/v1/logs?limit=1").then().body("logs.size()", equalTo(1));
        Api.as("viewer")
                .get("/api/v1/logs?since=" + Instant.now().plusSeconds(3600))
                .then()
                .body("logs.size()", equalTo(0));
    }

    @Test
    void prometheusTextNeedsAKeyAndAnswersTheExpositionFormat() {
        Api.anonymous().get("/metrics").then().statusCode(401);
        Api.as("viewer")
                .accept("text/plain")
                .get("/metrics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void theOpenApiDocumentAndItsBrowsableUiAreServed() {
        Api.as("viewer")
                .get("/api/v1/openapi.json")
                .then()
                .statusCode(200)
                .body("openapi", notNullValue())
                .body("paths", notNullValue());
        Api.as("viewer").get("/api/v1/docs/").then().statusCode(200).body(containsString("swagger"));
    }
}
