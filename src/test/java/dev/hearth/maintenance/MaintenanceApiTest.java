package dev.hearth.maintenance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.sun.net.httpserver.HttpServer;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Maintenance on a running Hearth with one service, polled once an hour, in front of a counting HTTP server: a
 * restarted poller polls again at once, a cleared health cache is read again, unknown names list the known ones,
 * and only admins may do either.
 */
@QuarkusTest
@TestProfile(MaintenanceApiTest.Profile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceApiTest {
    static final int PORT = Integer.parseInt(System.getProperties()
            .computeIfAbsent("hearth.test.maintenance.port", k -> String.valueOf(freePort()))
            .toString());

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "maintenance-");
                return Map.of(
                        "hearth.data_dir",
                        dir.resolve("data").toString(),
                        "hearth.services",
                        "[{\"name\": \"probe\", \"integration\": \"http\", \"url\": \"http://127.0.0.1:" + PORT
                                + "/\", \"check_interval\": \"1h\"}]");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final AtomicInteger polls = new AtomicInteger();
    HttpServer probe;

    @BeforeAll
    void start() throws IOException {
        Api.reset();
        probe = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        probe.createContext("/", ex -> {
            polls.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        probe.start();
    }

    @AfterAll
    void stop() {
        if (probe != null) probe.stop(0);
    }

    @Test
    void aRestartedPollerPollsAgainAtOnceThoughItsIntervalIsAnHour() {
        Api.admin()
                .get("/api/v1/maintenance/workers")
                .then()
                .statusCode(200)
                .body("workers.name", hasItems("poll-probe", "metrics-sample"))
                .body("workers.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("telegram-bot")));
        Await.untilTrue(
                Duration.ofSeconds(10),
                "probe has been read once",
                () -> !lastCheck().isEmpty());
        String checkedBefore = lastCheck();
        int before = polls.get();
        Api.admin()
                .post("/api/v1/maintenance/workers/poll-probe/restart")
                .then()
                .statusCode(200)
                .body("worker.name", equalTo("poll-probe"))
                .body("worker.restarts", equalTo(1));
        Await.untilTrue(
                Duration.ofSeconds(10), "the restarted poller polled the service again", () -> polls.get() > before);
        Await.untilTrue(
                Duration.ofSeconds(10),
                "the board shows the new reading",
                () -> !lastCheck().equals(checkedBefore));
        Api.admin()
                .get("/api/v1/audit?limit=20")
                .then()
                .body(
                        "entries.find { it.action == 'maintenance.restart_worker' }.params",
                        containsString("poll-probe"));
    }

    @Test
    void aClearedHealthCacheIsReadAgainAndTheAnswerSaysWhatWasCleared() {
        Await.untilTrue(
                Duration.ofSeconds(10),
                "probe has been read once",
                () -> !lastCheck().isEmpty());
        String checkedBefore = lastCheck();
        int before = polls.get();
        var cleared = Api.admin()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/maintenance/clear-cache")
                .then()
                .statusCode(200);
        cleared.body("cleared.name", hasItems("service-health", "assistant-memory"));
        cleared.body(
                "cleared.find { it.name == 'service-health' }.entries", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        Await.untilTrue(Duration.ofSeconds(10), "the board read the service again", () -> polls.get() > before);
        Await.untilTrue(
                Duration.ofSeconds(10),
                "the board shows the new reading",
                () -> !lastCheck().equals(checkedBefore));
        Api.admin()
                .contentType(ContentType.JSON)
                .body("{\"cache\": \"nope\"}")
                .post("/api/v1/maintenance/clear-cache")
                .then()
                .statusCode(404)
                .body("error.details.known", hasItems("service-health", "assistant-memory"));
    }

    @Test
    void anUnknownWorkerIsA404NamingTheKnownOnesAndOnlyAdminsMaintain() {
        Api.admin()
                .post("/api/v1/maintenance/workers/nope/restart")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.details.known", hasItems("poll-probe", "metrics-sample"));
        Api.as("operator")
                .post("/api/v1/maintenance/workers/poll-probe/restart")
                .then()
                .statusCode(403);
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/maintenance/clear-cache")
                .then()
                .statusCode(403);
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{\"worker\": \"poll-probe\"}")
                .post("/api/v1/actions/maintenance.restart_worker")
                .then()
                .statusCode(403);
    }

    /** The probe's last reading time as the health API shows it; empty before the first. */
    static String lastCheck() {
        Object at =
                Api.as("viewer").get("/api/v1/services/health").path("services.find { it.name == 'probe' }.last_check");
        return at == null ? "" : at.toString();
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
