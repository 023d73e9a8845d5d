package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.monitoring.history.HistoryPoint;
import dev.hearth.monitoring.history.HistoryStore;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.services.docker.ContainerSpec;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.testing.Api;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.Waits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;

/**
 * A newcomer's first minutes, in headless Chromium against a Hearth started on a data dir of its own with nothing
 * configured: the first-start admin signs in with the password from {@code initial-credentials.txt} and finds the
 * first-run checklist; every empty list says why and what to do; the Monitoring page's charts span the window they
 * name, on a desktop and a phone, keep gaps as gaps and grow with live samples. In order: the first tests see the
 * Hearth as it starts, the later ones change it.
 */
@QuarkusTest
@TestProfile(NewcomerProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewcomerDashboardTest {
    /**
     * Keeps every uPlot the page makes in {@code window.__plots}, without a line of production code: uPlot's script
     * assigns the global {@code uPlot}, and this setter wraps the constructor it is given.
     */
    static final String RECORD_PLOTS = """
            window.__plots = [];
            let real;
            Object.defineProperty(window, 'uPlot', { configurable: true, get: () => real,
              set: (U) => { real = new Proxy(U, { construct(t, args) { const p = Reflect.construct(t, args); window.__plots.push(p); return p; } }); } });""";

    static final List<String> STEPS = List.of("password", "docker", "download-client", "channel");

    @TestHTTPResource("/")
    URI base;

    @Inject
    HistoryStore history;

    @Inject
    UserService users;

    Browser browser;
    String adminPassword;

    @BeforeAll
    void start() throws Exception {
        adminPassword = firstStartPassword();
        browser = new Browser(base);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void consoleIsClean() {
        browser.size(Browser.DESKTOP);
        browser.assertNoConsoleErrors();
    }

    /** What the first start wrote for the browser: "Browser login:  admin / <password>". */
    static String firstStartPassword() throws Exception {
        Path file = NewcomerProfile.DIR.resolve("data/initial-credentials.txt");
        return Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("Browser login:"))
                .map(l -> l.substring(l.indexOf('/') + 1).trim())
                .findFirst()
                .orElseThrow(() -> new AssertionError(file + " names no browser login"));
    }

    void signInAsAdmin() {
        browser.signOutByCookies();
        browser.login("admin", adminPassword);
    }

    String stepState(String step) {
        return String.valueOf(browser.js(
                "return document.querySelector(arguments[0])?.dataset.done",
                "#first-run li[data-step='" + step + "']"));
    }

    boolean checklistShown() {
        return (Boolean)
                browser.js(
                        "const c = document.getElementById('first-run'); return !!c && !c.hidden && c.getClientRects().length > 0;");
    }

    void assertFitsTheWindow(String what) {
        long overflow = (Long)
                browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, what + " is wider than the window by " + overflow + " px");
    }

    // ---- the first-run checklist and the empty lists, on the Hearth as it starts -------------------------------

    @Test
    @Order(1)
    void theFirstAdminSignsInWithTheFirstStartPasswordAndFindsTheChecklistWithNothingDone() {
        signInAsAdmin();
        assertTrue(checklistShown(), "the first sign-in shows the first-run checklist");
        for (String step : STEPS) {
            // Docker is found by itself: the engine next to Hearth is the endpoint local without a line of config
            String expected = step.equals("docker") ? "true" : "false";
            assertEquals(expected, stepState(step), step + " on a fresh Hearth beside a Docker engine");
        }
        assertEquals("1 of 4 done", browser.find("#first-run-progress").getText());
        // each step links to the page that does it
        Map<String, String> links = Map.of(
                "password",
                "#/settings",
                "docker",
                "#/services",
                "download-client",
                "#/downloads",
                "channel",
                "#/settings",
                "api",
                "/api/v1/docs/");
        links.forEach((step, href) -> assertEquals(
                href, browser.find("#first-run li[data-step='" + step + "'] a").getDomAttribute("href"), step));
        String text = browser.find("#first-run").getText();
        assertTrue(
                text.contains("initial-credentials.txt"),
                "the password and API key steps say where the first start wrote them: " + text);
        assertTrue(
                text.contains("Found Docker at " + NewcomerProfile.LocalEngine.engine.host() + " by itself"),
                "the Docker step says where it found the engine: " + text);
        browser.screenshot("newcomer-overview");
        browser.size(Browser.PHONE);
        browser.page("overview");
        assertTrue(checklistShown());
        assertFitsTheWindow("the overview with the checklist on a phone");
        browser.screenshot("newcomer-overview-phone");

        // the step's link leads to the page that does it
        browser.size(Browser.DESKTOP);
        browser.page("overview");
        browser.click("#first-run li[data-step='download-client'] a");
        browser.waitReady("downloads");
    }

    @Test
    @Order(2)
    void everyEmptyListSaysWhyAndWhatToDo() {
        signInAsAdmin();
        browser.page("services");
        String services = browser.find("[data-empty=services]").getText();
        assertTrue(
                services.contains("No services yet")
                        && services.contains("hearth.yml")
                        && services.contains("docker.endpoints"),
                services);
        browser.screenshot("newcomer-services-empty");

        browser.page("downloads");
        String clients = browser.find("#client-list [data-empty=clients]").getText();
        assertTrue(clients.contains("No download client yet") && clients.contains("integration: qbittorrent"), clients);
        String tasks = browser.find("#task-list [data-empty=tasks]").getText();
        assertTrue(tasks.contains("before a client is added"), "the task list says nothing can download yet: " + tasks);
        browser.screenshot("newcomer-downloads-empty");

        browser.page("alerts");
        String alerts = browser.find("#alert-list [data-empty=alerts]").getText();
        assertTrue(alerts.contains("crosses a threshold"), alerts);

        browser.page("settings");
        String channels = browser.find("#channels [data-empty=channels]").getText();
        assertTrue(channels.contains("notifications.channels") && channels.contains("reach nobody"), channels);
        browser.screenshot("newcomer-settings-empty");

        browser.page("overview");
        assertTrue(browser.find("#ov-services [data-empty=services]").getText().contains("hearth.yml"));
        browser.size(Browser.PHONE);
        for (String page : List.of("services", "downloads", "settings")) {
            browser.page(page);
            assertFitsTheWindow(page + " with its empty lists on a phone");
        }
    }

    // ---- the charts ---------------------------------------------------------------------------------------------

    /** A fresh document with the uPlot recorder, signed in, on the Monitoring page with its first chart drawn. */
    void openMonitoringRecordingPlots() {
        signInAsAdmin();
        browser.js(RECORD_PLOTS);
        browser.page("monitoring");
        browser.waitFor(Duration.ofSeconds(10), d -> (Boolean) browser.js("return window.__plots.length > 0"));
    }

    /** The x scale of the newest chart and the browser's now, in seconds: [min, max, now]. */
    @SuppressWarnings("unchecked")
    List<Number> xScale() {
        return (List<Number>) browser.js(
                "const p = window.__plots.at(-1); return [p.scales.x.min, p.scales.x.max, Date.now() / 1000];");
    }

    void assertSpans(long seconds, String what) {
        List<Number> x = xScale();
        double min = x.get(0).doubleValue(),
                max = x.get(1).doubleValue(),
                now = x.get(2).doubleValue();
        assertTrue(
                Math.abs(max - now) < 15,
                what + ": the right edge is now (" + Instant.ofEpochSecond((long) max) + " against "
                        + Instant.ofEpochSecond((long) now) + ")");
        assertEquals(
                seconds,
                max - min,
                1,
                what + ": the axis spans the window (" + Instant.ofEpochSecond((long) min) + " to "
                        + Instant.ofEpochSecond((long) max) + ")");
    }

    void choose(String range) {
        int before = ((Number) browser.js("return window.__plots.length")).intValue();
        browser.click("button[data-range='" + range + "']");
        browser.waitFor(
                Duration.ofSeconds(10), d -> ((Number) browser.js("return window.__plots.length")).intValue() > before);
    }

    @Test
    @Order(3)
    void theOneHourChartOfAFreshHearthSpansTheLastHourAndSaysHowLittleItHasSeen() {
        openMonitoringRecordingPlots();
        assertSpans(3600, "1 h");
        String state = browser.find("#history-chart").getDomAttribute("data-history");
        assertTrue(
                List.of("empty", "young").contains(state),
                "a Hearth started a minute ago has an empty or young history, not " + state);
        String note = browser.find("#history-note").getText();
        assertTrue(note.startsWith("No history yet") || note.startsWith("History starts at"), note);
        browser.screenshot("newcomer-monitoring-1h");

        choose("24h");
        assertSpans(86400, "24 h");
        assertTrue(
                browser.find("#history-note").getText().contains("of this 24 h window"),
                browser.find("#history-note").getText());
        choose("7d");
        assertSpans(7 * 86400, "7 d");
        choose("1h");
        assertSpans(3600, "1 h again");

        for (Dimension size : List.of(Browser.PHONE, new Dimension(320, 640))) {
            browser.size(size);
            browser.page("monitoring");
            browser.waitFor(
                    Duration.ofSeconds(10),
                    d -> !d.findElements(org.openqa.selenium.By.cssSelector("#history-chart canvas"))
                            .isEmpty());
            assertSpans(3600, "1 h at " + size);
            assertFitsTheWindow("the Monitoring page at " + size);
            long chartWidth =
                    (Long) browser.js("return Math.round(window.__plots.at(-1).root.getBoundingClientRect().right)");
            assertTrue(
                    chartWidth <= size.width,
                    "the chart fits a " + size.width + " px screen (its right edge at " + chartWidth + ")");
        }
        browser.screenshot("newcomer-monitoring-phone");
    }

    @Test
    @Order(4)
    void gapsStayGapsAndLiveSamplesExtendTheChart() {
        // two stretches of history, 50-40 and 25-20 minutes ago: Hearth was "not running" in between and after
        long now = System.currentTimeMillis();
        for (long at = now - 50 * 60_000; at <= now - 40 * 60_000; at += 20_000) history.insertRow(0, point(at, 42));
        for (long at = now - 25 * 60_000; at <= now - 20 * 60_000; at += 20_000) history.insertRow(0, point(at, 64));
        openMonitoringRecordingPlots();
        assertSpans(3600, "1 h");
        @SuppressWarnings("unchecked")
        List<List<Object>> data =
                (List<List<Object>>) browser.js("return window.__plots.at(-1).data.map(c => Array.from(c));");
        List<Object> times = data.get(0), cpu = data.get(1);
        double from = (now - 40 * 60_000) / 1000.0, to = (now - 25 * 60_000) / 1000.0;
        boolean gapInBetween = false;
        int stored = 0;
        for (int i = 0; i < times.size(); i++) {
            double t = ((Number) times.get(i)).doubleValue();
            if (t > from && t < to && cpu.get(i) == null) gapInBetween = true;
            if (cpu.get(i) != null
                    && (((Number) cpu.get(i)).doubleValue() == 42 || ((Number) cpu.get(i)).doubleValue() == 64))
                stored++;
        }
        assertTrue(gapInBetween, "a null point breaks the line between the two stretches: " + times + " " + cpu);
        assertTrue(stored >= 15, "both stretches are drawn, one point a minute: " + cpu);
        assertTrue(
                browser.find("#history-note").getText().contains("gap"),
                browser.find("#history-note").getText());
        browser.screenshot("monitoring-gaps");

        // a live sample moves the right edge and joins the newest minute, on the same chart (no reload)
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> "live"
                        .equals(d.findElement(org.openqa.selenium.By.id("live")).getDomAttribute("data-state")));
        int charts = ((Number) browser.js("return window.__plots.length")).intValue();
        double edge = xScale().get(1).doubleValue();
        browser.waitFor(Duration.ofSeconds(20), d -> xScale().get(1).doubleValue() > edge + 2);
        assertEquals(
                charts,
                ((Number) browser.js("return window.__plots.length")).intValue(),
                "the chart grew in place, it was not drawn again");
        double newest =
                ((Number) browser.js("const x = window.__plots.at(-1).data[0]; return x[x.length - 1];")).doubleValue();
        double thisMinute = Math.floor(System.currentTimeMillis() / 60_000.0) * 60;
        assertTrue(
                newest >= thisMinute - 60,
                "the newest point is this minute's (" + Instant.ofEpochSecond((long) newest) + ")");
        assertSpans(3600, "1 h after a live sample");
    }

    // ---- the containers next to Hearth, without configuration ------------------------------------------------------

    @Test
    @Order(5)
    void containersStartedNextToHearthAppearAsServicesGroupedByComposeProjectWithoutConfiguration() {
        // The page is open first: what Docker gains meanwhile must come to it without a reload.
        signInAsAdmin();
        browser.page("services");
        DockerEngineClient docker = NewcomerProfile.LocalEngine.engine.client();
        String idle = "trap 'exit 0' TERM; while true; do sleep 0.2; done";
        for (String service : List.of("web", "db")) {
            String id = docker.createContainer(
                    "media-" + service + "-1",
                    ContainerSpec.of(DockerEngine.TEST_IMAGE, "sh", "-c", idle)
                            .withLabels(Map.of(
                                    "com.docker.compose.project", "media", "com.docker.compose.service", service)));
            docker.start(id);
        }
        docker.createContainer("lonely", ContainerSpec.of(DockerEngine.TEST_IMAGE, "true"));
        docker.createContainer(
                "secret",
                ContainerSpec.of(DockerEngine.TEST_IMAGE, "true").withLabels(Map.of("hearth.enable", "false")));

        browser.waitFor(
                Duration.ofSeconds(15),
                d -> !d.findElements(org.openqa.selenium.By.cssSelector("tr[data-service='lonely']"))
                        .isEmpty());
        String media = browser.find("section.group[aria-label='media']").getText();
        assertTrue(media.contains("web") && media.contains("db"), "the compose project is the group: " + media);
        // the container's state is the service's, once its first poll is in
        browser.waitFor(
                Duration.ofSeconds(15),
                d -> d.findElements(org.openqa.selenium.By.cssSelector("tr[data-service='web'] [data-state='running']"))
                                .size()
                        == 1);
        assertTrue(
                browser.find("section.group[aria-label='Other']").getText().contains("lonely"),
                "a container of no project is listed too");
        assertTrue(
                browser.driver()
                        .findElements(org.openqa.selenium.By.cssSelector("tr[data-service='secret']"))
                        .isEmpty(),
                "hearth.enable=false hides a container");
        browser.screenshot("newcomer-services-docker");

        browser.page("overview");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElement(org.openqa.selenium.By.id("ov-services"))
                        .getText()
                        .contains("lonely"));
        assertFalse(browser.find("#ov-services").getText().contains("No services yet"));
    }

    // ---- a service added at run time, tried before it is saved ----------------------------------------------------

    @Test
    @Order(6)
    void aQbittorrentAddedAtRunTimeIsRefusedWithTheWrongPasswordAndOnlineWithTheRightOneWithoutARestart()
            throws Exception {
        Path added = NewcomerProfile.DIR.resolve("data/services-added.json");
        try (QbittorrentDaemon qb = new QbittorrentDaemon(NewcomerProfile.DIR.resolve("qbittorrent"))) {
            // the dashboard's form, as a newcomer fills it: the kind's settings record gives the fields
            signInAsAdmin();
            browser.page("services");
            browser.waitFor(
                    Duration.ofSeconds(10),
                    d -> !d.findElements(org.openqa.selenium.By.id("add-service"))
                            .isEmpty());
            fillAddService(qb.url().toString(), "not-the-password");
            browser.waitFor(
                    Duration.ofSeconds(20),
                    d -> !d.findElement(org.openqa.selenium.By.id("add-error"))
                            .getText()
                            .isEmpty());
            String reason = browser.find("#add-error").getText();
            assertTrue(
                    reason.contains("did not accept") && reason.contains("nothing was saved"),
                    "the refusal says why: " + reason);
            browser.screenshot("newcomer-add-service-refused");
            // the refusal's 400 is the one thing the console may hold (Chromium logs every non-2xx fetch)
            List<String> severe =
                    browser.driver().manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                            .map(org.openqa.selenium.logging.LogEntry::getMessage)
                            .toList();
            assertTrue(
                    severe.stream().allMatch(m -> m.contains("/api/v1/services") && m.contains("400")),
                    "only the refused POST: " + severe);
            var refused = Api.admin()
                    .contentType("application/json")
                    .body(Map.of(
                            "name",
                            "qbit",
                            "url",
                            qb.url().toString(),
                            "integration",
                            "qbittorrent",
                            "credentials",
                            Map.of("username", QbittorrentDaemon.USER, "password", "wrong-again")))
                    .post("/api/v1/services")
                    .then()
                    .statusCode(400)
                    .extract()
                    .jsonPath();
            assertEquals("AUTH_ERROR", refused.getString("error.details.health"), refused.prettify());
            assertFalse(
                    Api.admin().get("/api/v1/services").asString().contains("\"qbit\""),
                    "a refused service is not listed");
            assertFalse(Files.exists(added), "nothing was written for a refused service");

            fillAddService(qb.url().toString(), QbittorrentDaemon.PASSWORD);
            browser.waitFor(
                    Duration.ofSeconds(20),
                    d -> !d.findElements(org.openqa.selenium.By.cssSelector("tr[data-service='qbit']"))
                            .isEmpty());
            assertEquals(
                    "added here",
                    browser.find("tr[data-service='qbit'] [data-origin]").getText());
            browser.screenshot("newcomer-add-service-saved");
            Waits.until(
                    "the added qBittorrent is healthy on the board",
                    Duration.ofSeconds(30),
                    () -> Api.admin()
                            .get("/api/v1/services/health")
                            .jsonPath()
                            .getString("services.find { it.name == 'qbit' }.health"),
                    "healthy"::equals);
            Waits.until(
                    "the downloads feature offers the added client, without a restart",
                    Duration.ofSeconds(30),
                    () -> Api.admin().get("/api/v1/downloads/clients").asString(),
                    body -> body.contains("\"qbit\""));
            String shown = Api.admin().get("/api/v1/services/qbit/config").asString();
            assertFalse(shown.contains(QbittorrentDaemon.PASSWORD), "credentials are write-only: " + shown);
            assertTrue(shown.contains("\"api\""), "its origin is the API, not hearth.yml: " + shown);
            assertEquals(
                    "rw-------",
                    java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(added)),
                    "the file holding its credentials is the owner's alone");
            assertTrue(Files.readString(added).contains("\"qbit\""), "saved in the data dir for the next start");
            String audit = Api.admin().get("/api/v1/audit").asString();
            assertTrue(audit.contains("services.add"), "the addition is audited");
            assertFalse(audit.contains(QbittorrentDaemon.PASSWORD), "the audit never holds the password");

            Api.admin().delete("/api/v1/services/qbit").then().statusCode(200);
            assertFalse(Api.admin().get("/api/v1/services").asString().contains("\"qbit\""));
            assertFalse(Files.readString(added).contains("\"qbit\""), "removed from the data dir too");
            var fromDocker = Api.admin()
                    .delete("/api/v1/services/lonely")
                    .then()
                    .statusCode(400)
                    .extract();
            assertTrue(fromDocker.asString().contains("hearth.enable=false"), fromDocker.asString());
        }
    }

    // ---- a notification channel added at run time, kept only when its test arrives --------------------------------

    @Test
    @Order(7)
    void aWebhookChannelAddedFromSettingsIsKeptOnlyWhenItsTestArrives() throws Exception {
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer hook =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        Path added = NewcomerProfile.DIR.resolve("data/channels-added.json");
        try {
            signInAsAdmin();
            browser.page("settings");
            // nobody listens on the port a closed server leaves: the test cannot arrive, and nothing is kept
            int dead;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                dead = s.getLocalPort();
            }
            addChannel("hook", "json://127.0.0.1:" + dead + "/hook");
            browser.waitFor(
                    Duration.ofSeconds(30),
                    d -> !d.findElement(org.openqa.selenium.By.id("ch-error"))
                            .getText()
                            .isEmpty());
            String reason = browser.find("#ch-error").getText();
            assertTrue(
                    reason.contains("did not arrive") && reason.contains("nothing was saved"),
                    "the refusal says why: " + reason);
            browser.driver().manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // the refused POST's 400
            assertFalse(Files.exists(added), "nothing was written for a channel whose test failed");
            assertTrue(browser.driver()
                    .findElements(org.openqa.selenium.By.cssSelector("#channels li[data-channel='hook']"))
                    .isEmpty());

            addChannel("hook", "json://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
            String body = received.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull(body, "the webhook received the test");
            assertTrue(body.contains("Hearth test notification"), body);
            browser.waitFor(
                    Duration.ofSeconds(15),
                    d -> !d.findElements(org.openqa.selenium.By.cssSelector("#channels li[data-channel='hook']"))
                            .isEmpty());
            assertTrue(
                    browser.find("#channels li[data-channel='hook']").getText().contains("added here"));
            assertEquals(
                    "rw-------",
                    java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(added)));
            browser.screenshot("newcomer-channel-added");

            // Send test on the saved channel reaches the webhook again
            received.clear();
            browser.click("#channels li[data-channel='hook'] button[aria-label='send a test to hook']");
            assertNotNull(received.poll(30, java.util.concurrent.TimeUnit.SECONDS), "Send test reaches it again");
            String channels = Api.admin().get("/api/v1/notifications/channels").asString();
            assertFalse(
                    channels.contains(String.valueOf(hook.getAddress().getPort())),
                    "its URL is write-only: " + channels);
            assertTrue(Api.admin().get("/api/v1/audit").asString().contains("notifications.add_channel"));
            Api.admin().delete("/api/v1/notifications/channels/hook").then().statusCode(200);
            assertFalse(
                    Api.admin().get("/api/v1/notifications/channels").asString().contains("\"hook\""));
        } finally {
            hook.stop(0);
        }
    }

    void addChannel(String name, String url) {
        browser.find("#ch-name").clear();
        browser.find("#ch-name").sendKeys(name);
        browser.find("#ch-url").clear();
        browser.find("#ch-url").sendKeys(url);
        browser.click("#ch-save");
    }

    void fillAddService(String url, String password) {
        browser.driver().findElement(org.openqa.selenium.By.id("add-name")).clear();
        browser.find("#add-name").sendKeys("qbit");
        browser.find("#add-url").clear();
        browser.find("#add-url").sendKeys(url);
        new org.openqa.selenium.support.ui.Select(browser.find("#add-kind")).selectByValue("qbittorrent");
        browser.find("#add-field-username").clear();
        browser.find("#add-field-username").sendKeys(QbittorrentDaemon.USER);
        browser.find("#add-field-password").clear();
        browser.find("#add-field-password").sendKeys(password);
        browser.click("#add-save");
    }

    private static HistoryPoint point(long at, double cpu) {
        long gb = 1L << 30;
        return new HistoryPoint(
                Instant.ofEpochMilli(at),
                1,
                cpu,
                cpu,
                null,
                0.5,
                30,
                8 * gb,
                2 * gb,
                0,
                50,
                100 * gb,
                50 * gb,
                50 * gb,
                0,
                0,
                0,
                0);
    }

    // ---- the checklist changes with what the admin does, and goes away for good -----------------------------------

    @Test
    @Order(5)
    void changingThePasswordTicksItsStepAndHidingTheChecklistIsForGood() {
        signInAsAdmin();
        browser.click("#first-run li[data-step='password'] a");
        browser.waitReady("settings");
        String next = "a newcomer's own passphrase " + UUID.randomUUID();
        browser.find("#pw-current").sendKeys(adminPassword);
        browser.find("#pw-new").sendKeys(next);
        browser.find("#pw-confirm").sendKeys(next);
        browser.find("#password form button[type=submit]").click();
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElement(org.openqa.selenium.By.id("toasts"))
                        .getText()
                        .contains("Password changed"));
        adminPassword = next;
        browser.page("overview");
        assertEquals("true", stepState("password"), "the password step is done once the password changed");
        assertEquals("2 of 4 done", browser.find("#first-run-progress").getText());
        assertTrue(
                browser.find("#first-run li[data-step='password']").getText().contains("no longer works"),
                "the step says the file's password is dead now: "
                        + browser.find("#first-run li[data-step='password']").getText());
        browser.screenshot("newcomer-password-done");

        // another admin has a checklist of their own; a viewer has none
        String other = "admin-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(other, DashboardTest.PASSWORD, Role.ADMIN);
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(viewer, DashboardTest.PASSWORD, Role.VIEWER);

        browser.click("#first-run-dismiss");
        browser.waitFor(Duration.ofSeconds(5), d -> !checklistShown());
        browser.driver().navigate().refresh();
        browser.waitReady("overview");
        assertFalse(checklistShown(), "hidden for good: a reload does not bring it back");
        @SuppressWarnings("unchecked")
        Map<String, Object> state =
                (Map<String, Object>) browser.js("return fetch('/api/v1/first-run').then(r => r.json());");
        assertEquals(Boolean.TRUE, state.get("dismissed"), "the server keeps it: " + state);
        assertNotNull(state.get("dismissed_at"));

        browser.js("localStorage.clear(); sessionStorage.clear();");
        browser.signOutByCookies();
        browser.login("admin", adminPassword);
        assertFalse(checklistShown(), "a new session in a cleared browser does not bring it back either");

        browser.signOutByCookies();
        browser.login(other, DashboardTest.PASSWORD);
        assertTrue(checklistShown(), "another admin still has theirs");
        assertEquals("false", stepState("password"));

        browser.signOutByCookies();
        browser.login(viewer, DashboardTest.PASSWORD);
        assertTrue(
                browser.all("#first-run").isEmpty() || !checklistShown(),
                "a viewer has no checklist: its steps are an admin's");
    }
}
