package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.FakeTorrentProvider;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Pages acting on real backends: downloads against the downloads feature's fake client (add, watch the bar move
 * live, pause, remove) and a notification channel's test button against a webhook receiver on loopback.
 */
@QuarkusTest
@TestProfile(DashboardBackendsProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBackendsTest {
    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    @Inject
    FakeTorrentProvider fakes;

    @Inject
    LiveHub hub;

    Browser browser;
    String operator;
    String viewer;
    final Queue<String> taskUpdates = new ConcurrentLinkedQueue<>();

    @BeforeAll
    void start() throws java.io.IOException {
        // The channel's receiver is up before anything can notify (finished downloads and alerts go to it too).
        webhook = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(
                        java.net.InetAddress.getLoopbackAddress(), DashboardBackendsProfile.WEBHOOK_PORT),
                0);
        webhook.createContext("/hook", x -> {
            webhookBodies.add(new String(x.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        webhook.start();
        operator = "operator-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(operator, DashboardTest.PASSWORD, Role.OPERATOR);
        viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(viewer, DashboardTest.PASSWORD, Role.VIEWER);
        browser = new Browser(base);
        // A probe on the hub: does the downloads feature publish task_updates yet?
        hub.connect(
                        new LiveHub.Sink() {
                            @Override
                            public CompletionStage<?> send(String text) {
                                taskUpdates.add(text);
                                return CompletableFuture.completedFuture(null);
                            }

                            @Override
                            public void close(int code, String reason) {}
                        },
                        LiveHub.Format.ENVELOPE)
                .subscribe("task_updates", null);
    }

    com.sun.net.httpserver.HttpServer webhook;
    final Queue<String> webhookBodies = new ConcurrentLinkedQueue<>();

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (webhook != null) webhook.stop(0);
    }

    @Test
    void aNotificationChannelsTestButtonSendsThroughIt() throws Exception {
        webhookBodies.clear();
        browser.signOutByCookies();
        browser.login(operator, DashboardTest.PASSWORD);
        browser.page("settings");
        WebElement test = browser.find("li[data-channel='dash-hook'] button");
        assertTrue(test.isEnabled());
        test.click();
        String toast = browser.waitFor(Duration.ofSeconds(15), d -> {
            String t = d.findElement(By.id("toasts")).getText();
            return t.isBlank() ? null : t;
        });
        assertTrue(toast.contains("Test sent to dash-hook"), toast);
        browser.waitFor(Duration.ofSeconds(15), d -> webhookBodies.isEmpty() ? null : true);
        browser.screenshot("settings-channel-test");
    }

    @AfterEach
    void consoleIsClean() {
        browser.assertNoConsoleErrors();
    }

    @Test
    void aViewersRestartButtonIsDisabled() {
        assertTrue(
                DashboardTest.routeExists("POST /api/v1/services/{name}/restart"),
                "the route POST /api/v1/services/{name}/restart is missing");
        browser.signOutByCookies();
        browser.login(viewer, DashboardTest.PASSWORD);
        browser.page("services");
        List<WebElement> restarts = browser.all("#service-list button[data-action=restart]");
        assertFalse(restarts.isEmpty());
        for (WebElement b : restarts) {
            assertFalse(b.isEnabled());
            assertTrue(b.getDomAttribute("title").contains("operator"), b.getDomAttribute("title"));
        }
        browser.screenshot("services-viewer");
        browser.page("services/ticker");
        assertTrue(
                browser.find("#service-logs").getText().contains("operator"),
                "a viewer is told the log needs the operator role");
    }

    @Test
    void restartingAServiceChangesItsStateAndItsLogFollows() {
        assertTrue(
                DashboardTest.routeExists("POST /api/v1/services/{name}/restart"),
                "the route POST /api/v1/services/{name}/restart is missing");
        String name = "ticker";
        browser.signOutByCookies();
        browser.login(operator, DashboardTest.PASSWORD);
        browser.page("services/" + name);
        browser.waitFor(Duration.ofSeconds(15), d -> "running".equals(state(name)));
        // the log viewer follows: lines keep arriving while we watch
        String before = browser.waitFor(Duration.ofSeconds(10), d -> {
            String t = d.findElement(By.id("service-logs")).getText();
            return t.contains("tick") ? t : null;
        });
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElement(By.id("service-logs")).getText().length() > before.length());
        browser.screenshot("services-detail");

        String pidBefore = String.valueOf(
                (Object) Api.admin().get("/api/v1/services/" + name + "/status").path("pid"));
        browser.click("tr[data-service='" + name + "'] button[data-action=restart]");
        browser.click("dialog[open] button[value=yes]");
        browser.waitFor(Duration.ofSeconds(20), d -> {
            String pid = String.valueOf((Object)
                    Api.admin().get("/api/v1/services/" + name + "/status").path("pid"));
            return !pid.equals(pidBefore) && "running".equals(state(name));
        });
        browser.screenshot("services-restarted");

        browser.click("tr[data-service='" + name + "'] button[data-action=stop]");
        browser.click("dialog[open] button[value=yes]");
        browser.waitFor(Duration.ofSeconds(15), d -> !"running".equals(state(name)));
        browser.screenshot("services-stopped");
        browser.click("tr[data-service='" + name + "'] button[data-action=start]");
        browser.click("dialog[open] button[value=yes]");
        browser.waitFor(Duration.ofSeconds(15), d -> "running".equals(state(name)));
    }

    /** The state badge as drawn now, read in one script (the list redraws on every status change). */
    private String state(String name) {
        return String.valueOf(browser.js(
                "return document.querySelector(arguments[0])?.dataset.state",
                "tr[data-service='" + name + "'] [data-state]"));
    }

    @Test
    void addingADownloadMovesItsProgressBar() {
        browser.signOutByCookies();
        browser.login(operator, DashboardTest.PASSWORD);
        browser.page("downloads");
        String hash = UUID.randomUUID().toString().replace("-", "") + "00000000";
        String magnet = "magnet:?xt=urn:btih:" + hash + "&dn=dashboard-test";
        browser.find("#dl-url").sendKeys(magnet);
        browser.find("#dl-submit").click();
        double first = browser.waitFor(
                        Duration.ofSeconds(10),
                        d -> (Number)
                                browser.js(
                                        "const p = document.querySelector('#task-list progress'); return p ? Number(p.dataset.progress) : null"))
                .doubleValue();
        browser.screenshot("downloads-added");

        taskUpdates.clear();
        fakes.client("fakebit").complete(hash, "/downloads");
        awaitTaskUpdate();
        browser.find(".tabs button:last-child").click(); // "All": the finished task leaves the active list
        // read in one script: the list is redrawn as updates arrive, so element handles go stale
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> ((List<?>)
                                browser.js(
                                        "return [...document.querySelectorAll('#task-list progress')].map(p => Number(p.dataset.progress))"))
                        .stream().anyMatch(v -> ((Number) v).doubleValue() > first));
        browser.screenshot("downloads-progress");
    }

    @Test
    void aFinishedDownloadAppearsWithoutAReload() {
        String hash = UUID.randomUUID().toString().replace("-", "") + "00000000";
        browser.signOutByCookies();
        browser.login(operator, DashboardTest.PASSWORD);
        browser.page("downloads");
        browser.find(".tabs button:last-child").click();
        browser.js("window.__noReload = 1");
        dev.hearth.testing.Api.admin()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("url", "magnet:?xt=urn:btih:" + hash + "&dn=live-" + hash.substring(0, 6)))
                .post("/api/v1/downloads")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        taskUpdates.clear();
        fakes.client("fakebit").complete(hash, "/downloads");
        awaitTaskUpdate();
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElement(By.id("task-list")).getText().contains("live-" + hash.substring(0, 6)));
        assertEquals(1L, browser.js("return window.__noReload"));
    }

    @Test
    void aTorrentFileIsUploadedAndListed() {
        String name = "upload-" + UUID.randomUUID().toString().substring(0, 6);
        java.nio.file.Path dir = DashboardBackendsProfile.DIR.resolve("torrents");
        dev.hearth.testing.TorrentFixture torrent =
                dev.hearth.testing.TorrentFixture.create(dir.resolve("data"), dir, name, 64 * 1024);
        browser.signOutByCookies();
        browser.login(operator, DashboardTest.PASSWORD);
        browser.page("downloads");
        browser.find("#dl-file").sendKeys(torrent.torrentFile().toAbsolutePath().toString());
        browser.find("#dl-submit").click();
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> String.valueOf(browser.js("return document.getElementById('task-list').textContent"))
                        .contains(name));
        assertTrue(fakes.client("fakebit").calls().stream().anyMatch(c -> c.startsWith("add:")));
        browser.screenshot("downloads-uploaded");
    }

    @Test
    void pauseAndRemoveActOnTheTask() {
        String hash = UUID.randomUUID().toString().replace("-", "") + "00000000";
        String name = "pause-" + hash.substring(0, 6);
        dev.hearth.testing.Api.admin()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("url", "magnet:?xt=urn:btih:" + hash + "&dn=" + name))
                .post("/api/v1/downloads")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        browser.signOutByCookies();
        browser.login(operator, DashboardTest.PASSWORD);
        browser.page("downloads");
        browser.find(".tabs button:last-child").click();
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElements(By.xpath("//tr[.//div[text()='" + name + "']]")).stream()
                        .findFirst()
                        .orElse(null));
        browser.click(By.xpath("//tr[.//div[text()='" + name + "']]//button[@data-action='pause']"));
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> fakes.client("fakebit").calls().stream().anyMatch(c -> c.startsWith("pause")));
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElement(By.xpath("//tr[.//div[text()='" + name + "']]//button[@data-action='remove']"))
                        .isEnabled());
        browser.click(By.xpath("//tr[.//div[text()='" + name + "']]//button[@data-action='remove']"));
        browser.click("dialog[open] button[value=yes]");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElements(By.xpath("//tr[.//div[text()='" + name + "']]"))
                        .isEmpty());
        List<String> calls = fakes.client("fakebit").calls();
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("remove")), calls.toString());
    }

    /** The poller (every second here) publishes the finished task on {@code task_updates}; a missing update fails the test. */
    private void awaitTaskUpdate() {
        dev.hearth.testing.Waits.until(
                "a task_updates message on the hub", Duration.ofSeconds(10), () -> !taskUpdates.isEmpty());
    }
}
