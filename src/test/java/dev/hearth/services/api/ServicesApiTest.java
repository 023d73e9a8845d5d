package dev.hearth.services.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.services.ServiceStateChanged;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The services routes against a real Docker engine, a real supervised HTTP server and an upstream that hangs. */
@QuarkusTest
@TestProfile(ServicesApiTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesApiTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ServicesWorld.class));
        }
    }

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    private static JsonPath get(String path) {
        return Api.admin().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void theListShowsEveryServiceWithItsRuntimeAndState() {
        JsonPath list = get("/api/v1/services");
        assertTrue(list.getBoolean("success"));
        assertTrue(list.getList("services.name").containsAll(List.of("plex", "crashy", "web", "hung")));
        Map<String, Object> plex = list.getMap("services.find { it.name == 'plex' }");
        assertEquals("docker", plex.get("runtime"));
        assertEquals("local", plex.get("endpoint"));
        assertEquals("running", plex.get("status"));
        assertEquals("external", list.getString("services.find { it.name == 'hung' }.runtime"));
        assertEquals("process", list.getString("services.find { it.name == 'web' }.runtime"));
    }

    @Test
    void anUnknownNameIsNotFoundAndListsTheKnownNames() {
        for (String path : List.of(
                "/api/v1/services/nope",
                "/api/v1/services/nope/status",
                "/api/v1/services/nope/logs",
                "/api/v1/services/nope/config")) {
            Api.admin()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .body("error.code", equalTo("NOT_FOUND"))
                    .body("error.message", containsString("'nope'"))
                    .body("error.details.known", hasItems("plex", "web", "hung"));
        }
        Api.admin()
                .post("/api/v1/services/nope/restart")
                .then()
                .statusCode(404)
                .body("error.details.known", hasItems("plex"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("container", "nope"))
                .post("/api/v1/docker/restart")
                .then()
                .statusCode(404)
                .body("error.details.known", hasItems("plex"));
    }

    @Test
    void aProcessServiceStartsStopsAndRestartsAnsweringPidHostAndPort() throws Exception {
        JsonPath started = Api.as("operator")
                .post("/api/v1/services/web/start")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(started.getBoolean("success"));
        long pid = started.getLong("result.pid");
        assertEquals("127.0.0.1", started.getString("result.host"));
        assertEquals(ServicesWorld.webPort, started.getInt("result.port"));
        Await.untilTrue(Duration.ofSeconds(5), "the supervised httpd to answer", () -> {
            try {
                return io.restassured.RestAssured.given()
                                .get("http://127.0.0.1:" + ServicesWorld.webPort + "/")
                                .statusCode()
                        == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
        JsonPath status = get("/api/v1/services/web/status");
        assertTrue(status.getBoolean("running"));
        assertEquals(pid, status.getLong("pid"));
        assertEquals(ServicesWorld.webPort, status.getInt("port"));

        JsonPath restarted = Api.as("operator")
                .post("/api/v1/services/web/restart")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long newPid = restarted.getLong("result.pid");
        assertTrue(newPid != pid, "a new process");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        Api.as("operator").post("/api/v1/services/web/stop").then().statusCode(200);
        JsonPath stopped = get("/api/v1/services/web/status");
        assertFalse(stopped.getBoolean("running"));
        assertTrue(stopped.getBoolean("stopped_through_hearth"));
        assertFalse(ProcessHandle.of(newPid).map(ProcessHandle::isAlive).orElse(false));

        Api.as("viewer").post("/api/v1/services/web/start").then().statusCode(403);
        JsonPath audit = get("/api/v1/audit?limit=200");
        assertTrue(
                audit.getList("entries.action")
                        .containsAll(List.of("services.start", "services.restart", "services.stop")),
                audit.prettify());
        Api.as("operator").post("/api/v1/services/web/start").then().statusCode(200);
    }

    @Test
    void aContainerIsDrivenThroughTheServicesRoutesAndTheAutomationServerRoute() {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("container", "plex"))
                .post("/api/v1/docker/restart")
                .then()
                .statusCode(200)
                .body("status", equalTo("success"))
                .body("container", equalTo("plex"))
                .body("action", equalTo("restart"))
                .body("result.state", equalTo("running"));
        JsonPath logs = Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("container", "plex"))
                .post("/api/v1/docker/logs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(logs.getList("logs.text").contains("plex says hello"));

        JsonPath tail = Api.as("operator")
                .get("/api/v1/services/plex/logs?tail=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, tail.getInt("count"));
        assertEquals("plex says hello", tail.getString("lines[0].text"));
        Api.as("operator")
                .get("/api/v1/services/plex/logs?tail=lots")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("tail"));
        Api.as("operator")
                .get("/api/v1/services/plex/logs?since=yesterday")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("since"));

        // The same output through the log API, with its level filter (issue "Monitoring", item 8).
        Api.as("operator")
                .get("/api/v1/logs?source=service:plex&limit=50")
                .then()
                .statusCode(200)
                .body("logs.message", org.hamcrest.Matchers.hasItem("plex says hello"));
        Api.as("viewer").get("/api/v1/logs?source=service:plex").then().statusCode(403);
        // Monitoring samples each container's CPU and memory in the background and exports them.
        Await.untilTrue(
                Duration.ofSeconds(30),
                "plex's memory on /metrics",
                () -> Api.as("viewer")
                        .accept("text/plain")
                        .get("/metrics")
                        .asString()
                        .lines()
                        .anyMatch(l -> l.startsWith("hearth_container_memory_used_bytes{")
                                && l.contains("service=\"plex\"")
                                && !l.endsWith(" 0.0")));

        JsonPath stats = get("/api/v1/services/plex/stats");
        assertTrue(stats.getLong("memory_used") > 0);
        assertTrue(stats.getLong("memory_limit") >= stats.getLong("memory_used"));
        assertTrue(stats.getMap("network").containsKey("rx_bytes"));

        Api.as("operator")
                .post("/api/v1/services/plex/stop")
                .then()
                .statusCode(200)
                .body("result.state", equalTo("stopped"));
        JsonPath st = get("/api/v1/services/plex/status");
        assertEquals("stopped", st.getString("state"));
        assertEquals(0, st.getInt("exit_code"));
        Api.as("operator")
                .post("/api/v1/services/plex/start")
                .then()
                .statusCode(200)
                .body("result.state", equalTo("running"));
        Api.as("operator")
                .post("/api/v1/services/hung/start")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
    }

    @Test
    void aContainerThatDiesOnItsOwnIsPublishedWithItsExitCodeAndIsAlertable() {
        Api.as("operator").post("/api/v1/services/crashy/start").then().statusCode(200);
        ServiceStateChanged died = Await.until(
                Duration.ofSeconds(15),
                "crashy's exit through the event bus",
                () -> RecordedStateChanges.SEEN.stream()
                        .filter(e -> e.service().equals("crashy") && e.state().equals("exited"))
                        .findFirst()
                        .orElse(null));
        assertEquals(1, died.exitCode());
        assertFalse(died.expected());
        assertTrue(died.alertable());
        JsonPath st = get("/api/v1/services/crashy/status");
        assertEquals("exited", st.getString("state"));
        assertEquals(1, st.getInt("exit_code"));
        assertFalse(st.getBoolean("stopped_through_hearth"));
        // Monitoring turns it into an alert the owner hears of; a stop asked for through Hearth raises none.
        Await.untilTrue(
                Duration.ofSeconds(15),
                "an alert for crashy",
                () -> Api.as("viewer")
                        .get("/api/v1/alerts?level=error")
                        .jsonPath()
                        .getList("alerts.findAll { it.details.service == 'crashy' }.details.exitCode", Integer.class)
                        .contains(1));
        JsonPath alerts = Api.as("viewer").get("/api/v1/alerts?limit=500").jsonPath();
        // (an exit before this test, seen by the first sample, was resolved when the start through Hearth ran it again)
        assertEquals(
                1,
                alerts.getList("alerts.findAll { it.details.service == 'crashy' && it.state != 'resolved' }")
                        .size(),
                "one death, one open alert");
        assertEquals(
                "Container stopped unexpectedly",
                alerts.getString("alerts.find { it.details.service == 'crashy' && it.state != 'resolved' }.message"));
        assertTrue(
                alerts.getList("alerts.findAll { it.details.service == 'plex' }")
                        .isEmpty(),
                "a stop through Hearth raises none");
    }

    /** Before discovery: discovered services get the default 5 s timeout, and Traefik's made-up hosts take that long to fail. */
    @Test
    @Order(2)
    void aRefreshAsksEveryServiceInParallelWithinTheHungServicesTimeoutAndMarksItUnreachable() {
        long t0 = System.nanoTime();
        JsonPath health = get("/api/v1/services/health?refresh=true");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000 * 1.1 + 300, "answered in " + ms + " ms; the hung service's timeout is 1 s");
        assertEquals("unreachable", health.getString("services.find { it.name == 'hung' }.status"));
        assertEquals("unreachable", health.getString("services.find { it.name == 'hung' }.health"));
        Map<String, Object> plex = health.getMap("services.find { it.name == 'plex' }");
        assertEquals("running", plex.get("status"));
        assertEquals("unhealthy", plex.get("health"), "its URL answers nothing");
        for (String field : List.of("status", "health", "last_check", "uptime", "cpu", "memory")) {
            assertTrue(plex.containsKey(field), field);
        }
        t0 = System.nanoTime();
        Api.admin().get("/api/v1/status?refresh=true").then().statusCode(200).body("services.total", notNullValue());
        ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000 * 1.1 + 300, "/status answered in " + ms + " ms");
    }

    @Test
    void withoutRefreshTheHealthAndTheStatusReadTheBoardWithEachEntrysAgeAndAskNoUpstream() {
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            JsonPath health = get("/api/v1/services/health");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // The hung service would hold a live answer for its whole 1 s timeout; the board answers at once.
            assertTrue(ms < 500, "answered in " + ms + " ms");
            Map<String, Object> hung = health.getMap("services.find { it.name == 'hung' }");
            assertTrue(((Number) hung.get("age_ms")).longValue() >= 0, "each entry says how old it is: " + hung);
            assertTrue(List.of("unknown", "unhealthy").contains(hung.get("health")), "never asked now: " + hung);
            t0 = System.nanoTime();
            Api.admin().get("/api/v1/status").then().statusCode(200).body("services.total", notNullValue());
            ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 500, "/status answered in " + ms + " ms");
        }
    }

    @Test
    void theLiveLogFollowStreamsLinesAsServerSentEvents() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + io.restassured.RestAssured.port + "/api/v1/services/plex/logs/follow?tail=1"))
                .header("X-API-Key", Api.key("operator"))
                .header("Accept", "text/event-stream")
                .build();
        var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        try (var lines = response.body()) {
            String first = lines.filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
            assertTrue(first.contains("plex says hello"), first);
        }
        Api.as("viewer").get("/api/v1/services/plex/logs/follow").then().statusCode(403);
        Api.as("operator").get("/api/v1/services/nope/logs/follow").then().statusCode(404);
    }

    @Test
    @Order(99)
    void discoveryFindsEachLabelFamilyAndSaysWhatItSkippedAndWhy() {
        JsonPath report = Api.as("operator")
                .post("/api/v1/services/discover")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("hearth", report.getString("found.find { it.name == 'jellyfin' }.source"));
        assertEquals("Media", report.getString("found.find { it.name == 'jellyfin' }.group"));
        assertEquals("http://127.0.0.1:8096", report.getString("found.find { it.name == 'jellyfin' }.url"));
        assertEquals("homepage", report.getString("found.find { it.name == 'sonarr-tv' }.source"));
        assertEquals("Sonarr TV", report.getString("found.find { it.name == 'sonarr-tv' }.display_name"));
        assertEquals("traefik", report.getString("found.find { it.container == 'lab-traefik' }.source"));
        assertEquals("https://radarr.home.test", report.getString("found.find { it.container == 'lab-traefik' }.url"));
        assertEquals("traefik-api", report.getString("found.find { it.container == 'whoami' }.source"));
        assertEquals("http://whoami.home.test", report.getString("found.find { it.container == 'whoami' }.url"));
        assertEquals("hearth.enable=false", report.getString("skipped.find { it.container == 'lab-optout' }.reason"));
        assertTrue(report.getString("skipped.find { it.container == 'plain' }.reason")
                .contains("no hearth.*"));
        assertTrue(
                report.getString("skipped.find { it.container == 'plex' }.reason") != null,
                "plex has no labels: " + report.prettify());

        JsonPath list = get("/api/v1/services");
        assertTrue(
                list.getList("services.name").containsAll(List.of("jellyfin", "sonarr-tv", "lab-traefik", "whoami")));
        assertEquals("discovery", list.getString("services.find { it.name == 'jellyfin' }.source"));
        assertEquals("stopped", get("/api/v1/services/jellyfin/status").getString("state"));
    }

    @Test
    void configIsShownPerServiceAndAChangedUrlIsCheckedBeforeItIsSaved() {
        JsonPath all = get("/api/v1/services/config");
        assertEquals(ServicesWorld.webPort, all.getInt("config.web.port"));
        assertEquals("process", all.getString("config.web.runtime.kind"));

        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + ServicesWorld.deadPort + "/"))
                .put("/api/v1/services/web/config")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("url"))
                .body("error.message", containsString("nothing was saved"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("display_name", "Web Server", "group", "Home"))
                .put("/api/v1/services/web/config")
                .then()
                .statusCode(200)
                .body("config.display_name", equalTo("Web Server"));
        assertEquals("Home", get("/api/v1/services/web/config").getString("config.group"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("runtime", "x"))
                .put("/api/v1/services/web/config")
                .then()
                .statusCode(400);
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("group", "x"))
                .put("/api/v1/services/web/config")
                .then()
                .statusCode(403);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("service_name", "web", "config", Map.of("icon", "web.png")))
                .post("/api/v1/services/config")
                .then()
                .statusCode(200)
                .body("message", equalTo("Configuration updated for web"));
    }
}
