package dev.hearth.compat;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import dev.hearth.testing.TorrentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MLTB's REST examples sent to {@code /compat/mltb} with a Bearer key, against the REAL download daemons: its
 * camelCase names, its strings for sizes, speeds and ETAs, its 429 body and its epoch {@code X-RateLimit-Reset}.
 */
@QuarkusTest
@TestProfile(MltbProfile.class)
class MltbDoorTest {
    private static final String B = "/compat/mltb";
    private static final String SIZE = "\\d+(\\.\\d)? (B|KB|MB|GB|TB|PB)";

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private static RequestSpecification bearer(String role) {
        return Api.anonymous()
                .header("Authorization", "Bearer " + Api.key(role))
                .contentType(ContentType.JSON);
    }

    @Test
    void healthMetricsAndStatsInTheSeedsNamesAndTypes() {
        bearer("viewer")
                .get(B + "/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("healthy"))
                .body("version", instanceOf(String.class))
                .body("timestamp", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"));
        String metrics = bearer("viewer")
                .get(B + "/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metrics.contains("# TYPE bot_downloads_total counter\nbot_downloads_total "), metrics);
        assertTrue(metrics.contains("# TYPE bot_active_tasks gauge\nbot_active_tasks "), metrics);
        bearer("viewer")
                .get(B + "/api/stats")
                .then()
                .statusCode(200)
                .body("version", instanceOf(String.class))
                .body("uptime", instanceOf(String.class))
                .body("activeTasks", instanceOf(Integer.class))
                .body("totalDownloads", instanceOf(Integer.class))
                .body("totalUploads", equalTo(0))
                .body("totalUsers", instanceOf(Integer.class))
                .body("diskUsage", matchesPattern("\\d+%"))
                .body("memoryUsage", matchesPattern("\\d+%"));
    }

    @Test
    void aDownloadIsStartedListedShownByUserAndCancelled() {
        // the seed's own example names a Telegram user and a Drive folder: refused, saying why, never dropped
        bearer("operator")
                .body(Map.of("url", "https://example.com/file.zip", "userId", 123456789, "destination", "gdrive"))
                .post(B + "/api/download")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.details.field", equalTo("userId"));
        String magnet = TorrentFixture.unknownMagnet("Mltb.Door.Task");
        String taskId = bearer("operator")
                .body(Map.of("url", magnet))
                .post(B + "/api/download")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Download started successfully"))
                .body("taskId", instanceOf(String.class))
                .extract()
                .path("taskId");
        bearer("viewer")
                .get(B + "/api/tasks?status=active&limit=50")
                .then()
                .statusCode(200)
                .body("tasks.id", hasItem(taskId))
                .body("total", instanceOf(Integer.class))
                .body("page", equalTo(1));
        String row = "tasks.find { it.id == '" + taskId + "' }.";
        bearer("viewer")
                .get(B + "/api/tasks")
                .then()
                .statusCode(200)
                .body(row + "type", equalTo("download"))
                .body(row + "status", equalTo("active"))
                .body(row + "progress", instanceOf(Number.class))
                .body(row + "filename", instanceOf(String.class))
                .body(row + "size", matchesPattern(SIZE))
                .body(row + "speed", matchesPattern(SIZE + "/s"))
                .body(row + "eta", instanceOf(String.class));
        bearer("viewer")
                .get(B + "/api/tasks/" + taskId)
                .then()
                .statusCode(200)
                .body("id", equalTo(taskId))
                .body("type", equalTo("download"))
                .body("url", equalTo(magnet))
                .body("status", equalTo("active"))
                .body("size", matchesPattern(SIZE))
                .body("downloaded", matchesPattern(SIZE))
                .body("speed", matchesPattern(SIZE + "/s"))
                .body("eta", instanceOf(String.class))
                .body("startTime", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"))
                .body("user.id", equalTo("key:test-operator"))
                .body("user.username", equalTo("test-operator"));
        bearer("viewer")
                .get(B + "/api/users")
                .then()
                .statusCode(200)
                .body("users.id", hasItem("key:test-operator"))
                .body("users.find { it.id == 'key:test-operator' }.username", equalTo("test-operator"))
                .body("users.find { it.id == 'key:test-operator' }.totalDownloads", instanceOf(Integer.class))
                .body("users.find { it.id == 'key:test-operator' }.totalUploads", equalTo(0))
                .body("users.find { it.id == 'key:test-operator' }.lastActive", instanceOf(String.class));
        bearer("viewer")
                .get(B + "/api/users/key:test-operator/stats")
                .then()
                .statusCode(200)
                .body("userId", equalTo("key:test-operator"))
                .body("username", equalTo("test-operator"))
                .body("downloads.total", instanceOf(Integer.class))
                .body("downloads.successful", instanceOf(Integer.class))
                .body("downloads.failed", instanceOf(Integer.class))
                .body("totalSize", matchesPattern(SIZE))
                .body("joinedDate", instanceOf(String.class))
                .body("lastActive", instanceOf(String.class));
        bearer("operator")
                .delete(B + "/api/tasks/" + taskId)
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Task cancelled successfully"));
        bearer("viewer")
                .get(B + "/api/tasks/" + taskId)
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", instanceOf(String.class));
        bearer("viewer")
                .get(B + "/api/tasks?status=sideways")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.details.field", equalTo("status"));
        bearer("viewer")
                .delete(B + "/api/tasks/" + taskId)
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void rateLimitHeadersCarryTheEpochAndA429IsTheSeedsBody() {
        String key = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "mltb-burst", "role", "viewer"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        Response first =
                Api.anonymous().header("Authorization", "Bearer " + key).get(B + "/api/stats");
        assertEquals(200, first.statusCode());
        assertEquals("40", first.header("X-RateLimit-Limit"));
        long reset = Long.parseLong(first.header("X-RateLimit-Reset"));
        long now = Instant.now().getEpochSecond();
        assertTrue(reset >= now - 2 && reset <= now + 61, "an epoch second within the minute: " + reset);
        Response last = first;
        for (int i = 0; i < 60 && last.statusCode() != 429; i++) {
            last = Api.anonymous().header("Authorization", "Bearer " + key).get(B + "/api/stats");
        }
        assertEquals(429, last.statusCode());
        last.then()
                .body("error", equalTo("Rate limit exceeded"))
                .body("retryAfter", instanceOf(Integer.class))
                .header("Retry-After", matchesPattern("\\d+"));
        Api.anonymous()
                .get(B + "/api/stats")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"))
                .body("error.message", containsString("Authentication"));
    }
}
