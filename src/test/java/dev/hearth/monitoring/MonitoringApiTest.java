package dev.hearth.monitoring;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MonitoringApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STATUSES = List.of("healthy", "warning", "critical");

    @Test
    void currentMetricsCarryTheSeedsFieldsWithStatusesFromTheThresholds() {
        Api.as("viewer")
                .get("/api/v1/metrics/current")
                .then()
                .statusCode(200)
                .body("timestamp", notNullValue())
                .body("cpu.usage", greaterThanOrEqualTo(0f))
                .body("cpu.status", in(STATUSES))
                .body("cpu", hasKey("temperature"))
                .body("cpu.cores.size()", greaterThan(0))
                .body("memory.usage", greaterThan(0f))
                .body("memory.status", in(STATUSES))
                .body("memory.total", greaterThan(0f))
                .body("memory", hasKey("used"))
                .body("memory", hasKey("free"))
                .body("disk.usage", greaterThan(0f))
                .body("disk.status", in(STATUSES))
                .body("disk.total", greaterThan(0f))
                .body("disk", hasKey("used"))
                .body("disk", hasKey("free"))
                .body("network.status", in(STATUSES))
                .body("network", hasKey("latency"))
                .body("network", hasKey("download_speed"))
                .body("network", hasKey("upload_speed"))
                .body("network", hasKey("total_downloaded"))
                .body("network", hasKey("total_uploaded"))
                .body("metrics.cpu.status", in(STATUSES))
                .body("metrics.memory.total", greaterThan(0f))
                .body("disks.size()", greaterThan(0))
                .body("disks.mount", everyItem(startsWith("/")));
        Api.anonymous().get("/api/v1/metrics/current").then().statusCode(401);
    }

    @Test
    void historyEchoesItsRangeAndResolutionAndRefusesTooManyPoints() {
        Api.as("viewer")
                .get("/api/v1/metrics/history?start=2026-01-01T00:00:00Z&end=2026-01-01T01:00:00Z&resolution=5m")
                .then()
                .statusCode(200)
                .body("resolution", equalTo("5m"))
                .body("start", equalTo("2026-01-01T00:00:00Z"))
                .body("end", equalTo("2026-01-01T01:00:00Z"))
                .body("metrics", notNullValue());
        Api.as("viewer")
                .get("/api/v1/metrics/history?start=2020-01-01T00:00:00Z&end=2026-01-01T00:00:00Z&resolution=1s")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
        Api.as("viewer").get("/api/v1/metrics/history?resolution=soon").then().statusCode(400);
        Api.as("viewer").get("/api/v1/metrics/history?start=yesterday").then().statusCode(400);
    }

    @Test
    void anAlertRaisedByHandIsListedAcknowledgedResolvedAndCounted() {
        String id = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "level",
                        "error",
                        "message",
                        "Container stopped unexpectedly",
                        "source",
                        "docker",
                        "details",
                        Map.of("container", "plex", "exitCode", 1)))
                .post("/api/v1/alerts")
                .then()
                .statusCode(201)
                .body("id", startsWith("alert-"))
                .body("level", equalTo("error"))
                .body("state", equalTo("raised"))
                .body("details.exitCode", equalTo(1))
                .extract()
                .path("id");
        Api.as("viewer")
                .get("/api/v1/alerts?level=error&limit=1000")
                .then()
                .statusCode(200)
                .body("alerts.id", org.hamcrest.Matchers.hasItem(id))
                .body("total", greaterThan(0))
                .body("has_more", equalTo(false))
                .body("hasMore", equalTo(false))
                .body("alerts[0]", hasKey("timestamp"));
        int errorsBefore = Api.as("viewer")
                .get("/api/v1/alerts/summary")
                .then()
                .statusCode(200)
                .extract()
                .path("by_level.error");
        assertTrue(errorsBefore >= 1);
        Api.as("viewer").post("/api/v1/alerts/" + id + "/ack").then().statusCode(403);
        Api.as("operator")
                .post("/api/v1/alerts/" + id + "/ack")
                .then()
                .statusCode(200)
                .body("state", equalTo("acknowledged"))
                .body("acknowledged_by", startsWith("key:"));
        Api.as("operator")
                .post("/api/v1/alerts/" + id + "/resolve")
                .then()
                .statusCode(200)
                .body("state", equalTo("resolved"));
        Api.as("viewer").get("/api/v1/alerts/summary").then().body("by_level.error", equalTo(errorsBefore - 1));
        Api.as("operator").post("/api/v1/alerts/alert-999999/ack").then().statusCode(404);
        Api.as("operator").post("/api/v1/alerts/x/ack").then().statusCode(400);
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("level", "loud", "message", "m"))
                .post("/api/v1/alerts")
                .then()
                .statusCode(400);
        Api.as("viewer").get("/api/v1/alerts?level=loud").then().statusCode(400);
    }

    @Test
    void alertSettingsUseTheSeedsShapeAndChangeTheThresholds() {
        Api.as("viewer")
                .get("/api/v1/alerts/settings")
                .then()
                .statusCode(200)
                .body("thresholds.cpu.warning", notNullValue())
                .body("thresholds.disk.critical", notNullValue())
                .body("notifications.minLevel", notNullValue())
                .body("notifications", hasKey("email"))
                .body("notifications", hasKey("desktop"));
        Map<String, Object> body = Map.of(
                "thresholds",
                Map.of("cpu", Map.of("warning", 70, "critical", 85)),
                "notifications",
                Map.of("email", false, "desktop", true, "minLevel", "error"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/alerts/settings")
                .then()
                .statusCode(403);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/alerts/settings")
                .then()
                .statusCode(200)
                .body("thresholds.cpu.warning", equalTo(70.0f))
                .body("notifications.minLevel", equalTo("error"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("thresholds", Map.of("cpu", Map.of("warning", 95, "critical", 85))))
                .post("/api/v1/alerts/settings")
                .then()
                .statusCode(400);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "thresholds",
                        Map.of("cpu", Map.of("warning", 80, "critical", 90)),
                        "notifications",
                        Map.of("email", true, "minLevel", "warning")))
                .post("/api/v1/alerts/settings")
                .then()
                .statusCode(200);
    }

    @Test
    void prometheusTextCarriesHearthsFiguresAndPassesPromtool() throws Exception {
        String text = Await.until(Duration.ofSeconds(20), "hearth_ gauges after a sample", () -> {
            String t = Api.as("viewer")
                    .accept("text/plain")
                    .get("/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            return t.contains("hearth_cpu_usage_ratio") && t.contains("hearth_alerts_active") ? t : null;
        });
        for (String name : List.of(
                "hearth_memory_used_bytes",
                "hearth_disk_used_bytes{",
                "hearth_load1",
                "hearth_alerts_active{level=\"critical\"",
                "hearth_swap_total_bytes",
                "hearth_downloads{status=\"failed\"",
                "hearth_live_clients")) {
            assertTrue(text.contains(name), "missing " + name);
        }
        assertPromtoolPasses("Accept: text/plain", text);
        // As curl fetches it (Accept: */*, where Quarkus would answer OpenMetrics, whose \" in HELP promtool refuses),
        // and as Prometheus 2.42 scrapes it.
        for (String accept : List.of(
                "*/*",
                "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
                        + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2")) {
            String fetched = Api.as("viewer")
                    .header("Accept", accept)
                    .get("/metrics")
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/plain"))
                    .extract()
                    .asString();
            assertPromtoolPasses("Accept: " + accept, fetched);
        }
        assertTrue(text.contains("process_cpu_seconds_total"), "the process's CPU time in seconds");
    }

    /** The whole exposition, every family (the JVM's and Netty's too): promtool's silence and its exit code are the verdict. */
    private static void assertPromtoolPasses(String fetched, String text) throws Exception {
        Process promtool = new ProcessBuilder("promtool", "check", "metrics")
                .redirectErrorStream(true)
                .start();
        promtool.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String out = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals("", out.strip(), "promtool check metrics on all of /metrics (" + fetched + ")");
        assertEquals(0, promtool.exitValue(), "promtool's exit code (" + fetched + "); its output:\n" + out);
    }

    @Test
    void serviceLogsNameTheServicesThatExist() {
        Api.as("operator")
                .get("/api/v1/logs?source=service:nope")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        Api.as("viewer").get("/api/v1/logs?source=elsewhere").then().statusCode(400);
        Api.as("viewer").get("/api/v1/logs?source=hearth&limit=1").then().statusCode(200);
    }

    /** Collects what a test WebSocket receives. */
    private static final class Inbox implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonNode next(String type) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < end) {
                JsonNode m = messages.poll(200, TimeUnit.MILLISECONDS);
                if (m != null && m.path("type").asText().equals(type)) return m;
            }
            throw new AssertionError("no '" + type + "' message within 20 s");
        }
    }

    private static URI ws(String path) {
        return URI.create("ws://localhost:" + RestAssured.port + path);
    }

    @Test
    void theLiveSocketNeedsCredentialsAndDeliversItsChannels() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try {
            http.newWebSocketBuilder().buildAsync(ws("/ws"), new Inbox()).join();
            throw new AssertionError("connected without credentials");
        } catch (CompletionException expected) {
            // refused at the upgrade by the request gate
        }
        Inbox inbox = new Inbox();
        WebSocket socket = http.newWebSocketBuilder()
                .header("X-API-Key", Api.key("viewer"))
                .buildAsync(ws("/ws"), inbox)
                .join();
        inbox.next("welcome");
        socket.sendText("{\"type\":\"subscribe\",\"channel\":\"system_metrics\"}", true)
                .join();
        inbox.next("subscribed");
        JsonNode metrics = inbox.next("metrics");
        assertEquals("system_metrics", metrics.get("channel").asText());
        assertTrue(metrics.get("data").has("cpu") && metrics.get("data").has("cpuUsage"));
        socket.sendText("{\"type\":\"subscribe\",\"channel\":\"nope\"}", true).join();
        inbox.next("error");
        socket.sendText("{\"type\":\"subscribe\",\"channel\":\"task_updates\",\"taskId\":\"task_1\"}", true)
                .join();
        assertEquals("task_1", inbox.next("subscribed").get("taskId").asText());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void aBrowserConnectsWithAOneTimeTicketAndTheSeedSocketPushesAlerts() throws Exception {
        String ticket = Api.as("viewer")
                .post("/api/v1/ws/ticket")
                .then()
                .statusCode(200)
                .body("expires_in_seconds", greaterThan(0))
                .extract()
                .path("ticket");
        HttpClient http = HttpClient.newHttpClient();
        Inbox inbox = new Inbox();
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(ws("/monitoring?ticket=" + ticket), inbox)
                .join();
        try {
            http.newWebSocketBuilder()
                    .buildAsync(ws("/monitoring?ticket=" + ticket), new Inbox())
                    .join();
            throw new AssertionError("a ticket worked twice");
        } catch (CompletionException expected) {
            // one-time
        }
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("level", "warning", "message", "seen live"))
                .post("/api/v1/alerts")
                .then()
                .statusCode(201);
        JsonNode alert = inbox.next("alert");
        assertTrue(alert.has("data") && !alert.has("channel"), "the seed's {type, data} shape");
        assertEquals("seen live", alert.get("data").get("message").asText());
        assertEquals(
                anyOf(equalTo("warning")).matches(alert.get("data").get("level").asText()), true);
        inbox.next("metrics");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
