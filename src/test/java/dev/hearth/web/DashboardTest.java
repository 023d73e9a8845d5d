package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in real headless Chromium against a running Hearth: sign in, every page on a desktop and a
 * phone, role-aware controls, keys shown once, the theme. Any console error fails the test that caused it.
 * Tests marked "waits on branch X" assume the route exists and are skipped, with that message, until it lands.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    static final String PASSWORD = "correct horse battery";
    static final List<String> PAGES = List.of("overview", "services", "downloads", "monitoring", "alerts", "settings");

    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    Browser browser;
    String admin;
    String viewer;

    @BeforeAll
    void start() {
        admin = user(Role.ADMIN);
        viewer = user(Role.VIEWER);
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

    String user(Role role) {
        String name = role.id() + "-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, PASSWORD, role);
        return name;
    }

    void as(String user) {
        browser.signOutByCookies();
        browser.login(user, PASSWORD);
    }

    static boolean routeExists(String route) {
        return RouteTable.scan().containsKey(route);
    }

    @Test
    void signingInShowsTheOverviewAndSigningOutEndsTheSession() {
        browser.signOutByCookies();
        browser.open("/");
        browser.waitFor(Duration.ofSeconds(5), d -> d.getCurrentUrl().endsWith("/login"));
        browser.screenshot("login");
        browser.login(admin, PASSWORD);
        assertEquals(admin + " (admin)", browser.find("#me").getText());
        assertNotNull(browser.cookie("hearth_session"));
        assertTrue(browser.find("#gauges").getText().contains("CPU"), "the overview shows the system gauges");
        browser.find("#logout").click();
        browser.waitFor(Duration.ofSeconds(5), d -> d.getCurrentUrl().endsWith("/login"));
        browser.open("/");
        browser.waitFor(Duration.ofSeconds(5), d -> d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void everyPageDrawsOnADesktopAndAPhoneInBothThemesWithReadableContrast() {
        as(admin);
        for (String theme : List.of("dark", "light")) {
            browser.js("localStorage.setItem('hearth-theme', arguments[0])", theme);
            browser.open("/?theme=" + theme); // a new document (a hash-only change would not reload)
            browser.waitReady("overview");
            assertEquals(theme, browser.js("return document.documentElement.dataset.theme"));
            for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                browser.size(size);
                for (String page : PAGES) {
                    browser.page(page);
                    assertEquals(
                            page.substring(0, 1).toUpperCase() + page.substring(1),
                            browser.find("main h1").getText());
                    browser.screenshot(
                            page + (size == Browser.PHONE ? "-phone" : "") + (theme.equals("light") ? "-light" : ""));
                    @SuppressWarnings("unchecked")
                    List<String> low = (List<String>) browser.js(CONTRAST);
                    assertEquals(List.of(), low, page + " has text below 4.5:1 contrast in the " + theme + " theme");
                    long overflow = (Long) browser.js(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    assertTrue(overflow <= 0, page + " is wider than the window by " + overflow + " px at " + size);
                }
            }
        }
        browser.js("localStorage.removeItem('hearth-theme')");
    }

    /** Every visible text node's colour against its effective background, WCAG's formula; disabled controls are exempt. */
    static final String CONTRAST = """
            const lum = (c) => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const rgba = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
            const bg = (el) => { for (; el; el = el.parentElement) { const c = rgba(getComputedStyle(el).backgroundColor); if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3); }
              return [255, 255, 255]; };
            const bad = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n; (n = walker.nextNode());) {
              const el = n.parentElement;
              if (!n.textContent.trim() || !el.getClientRects().length || el.closest('[disabled],.skip,canvas,.u-legend')) continue;
              const st = getComputedStyle(el);
              if (st.visibility === 'hidden' || Number(st.opacity) < 0.9) continue;
              const fg = rgba(st.color).slice(0, 3), b = bg(el);
              const [hi, lo] = [lum(fg), lum(b)].sort((x, y) => y - x);
              const ratio = (hi + 0.05) / (lo + 0.05);
              if (ratio < 4.5) bad.push(ratio.toFixed(2) + ' ' + el.tagName + ' "' + n.textContent.trim().slice(0, 40) + '"');
            }
            return bad;""";

    @Test
    void aMissingRouteIsShownAsNotAvailableNeverAsFakeData() {
        as(admin);
        browser.page("overview");
        for (String route : List.of("GET /api/v1/services", "GET /api/v1/tasks", "GET /api/v1/alerts")) {
            List<WebElement> na = browser.all("[data-na='" + route + "']");
            assertEquals(routeExists(route) ? 0 : 1, na.size(), route);
        }
    }

    @Test
    void aViewerSeesWhatTheyMayNotDoAsDisabled() {
        as(viewer);
        browser.page("settings");
        WebElement apply = browser.find("#config button[type=submit]");
        assertFalse(apply.isEnabled(), "a viewer cannot apply configuration changes");
        assertTrue(apply.getDomAttribute("title").contains("admin"), apply.getDomAttribute("title"));
        assertTrue(browser.find("#keys").getText().contains("for administrators"));
        browser.page("downloads");
        if (routeExists("POST /api/v1/downloads"))
            assertFalse(browser.find("#dl-submit").isEnabled(), "a viewer cannot add downloads");
    }

    @Test
    void anApiKeyIsShownOnceAndCanBeRevoked() {
        as(admin);
        browser.page("settings");
        String name = "browser-key-" + UUID.randomUUID().toString().substring(0, 6);
        browser.find("#key-name").sendKeys(name);
        browser.find("#key-role").sendKeys("operator");
        browser.find("#keys form button[type=submit]").click();
        String secret = browser.waitFor(
                Duration.ofSeconds(5),
                d -> d.findElements(By.id("new-key")).isEmpty()
                        ? null
                        : d.findElement(By.id("new-key")).getText());
        assertTrue(secret.startsWith("hth_"), secret);
        Api.anonymous()
                .header("X-API-Key", secret)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200);
        browser.screenshot("settings-new-key");

        WebElement row = browser.waitFor(
                Duration.ofSeconds(5),
                d -> d.findElements(By.xpath("//tr[td[text()='" + name + "']]")).stream()
                        .findFirst()
                        .orElse(null));
        row.findElement(By.cssSelector("button")).click();
        browser.click("dialog[open] button[value=yes]");
        browser.waitFor(
                Duration.ofSeconds(5),
                d -> d.findElements(By.xpath("//tr[td[text()='" + name + "']]")).isEmpty());
        Api.anonymous()
                .header("X-API-Key", secret)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(401);
    }

    @Test
    void anAdminAddsAUserChangesTheRoleResetsThePasswordAndRemovesThem() {
        as(admin);
        browser.page("settings");
        String name = "person-" + UUID.randomUUID().toString().substring(0, 6);
        browser.find("#user-name").sendKeys(name);
        browser.find("#user-password").sendKeys(PASSWORD);
        new Select(browser.find("#user-role")).selectByValue("operator");
        browser.find("#users form button[type=submit]").click();
        browser.waitFor(
                Duration.ofSeconds(5),
                d -> !d.findElements(By.cssSelector("tr[data-user='" + name + "']"))
                        .isEmpty());
        assertEquals("operator", role(name));
        browser.screenshot("settings-users");

        new Select(browser.find("select[data-role-of='" + name + "']")).selectByValue("viewer");
        browser.waitFor(Duration.ofSeconds(5), d -> "viewer".equals(role(name)));

        browser.click("tr[data-user='" + name + "'] button[aria-label='reset the password of " + name + "']");
        browser.find("#reset-password").sendKeys("a brand new passphrase");
        browser.click("dialog[open] button[value=yes]");
        browser.waitFor(Duration.ofSeconds(5), d -> login(name, "a brand new passphrase") == 200);
        assertEquals(401, login(name, PASSWORD));

        // the toast of the reset may cover the button: click it as the keyboard would
        browser.js(
                "arguments[0].click()",
                browser.find("tr[data-user='" + name + "'] button[aria-label='remove " + name + "']"));
        browser.click("dialog[open] button[value=yes]");
        browser.waitFor(
                Duration.ofSeconds(5),
                d -> d.findElements(By.cssSelector("tr[data-user='" + name + "']"))
                        .isEmpty());
        assertEquals(null, role(name));
    }

    private static String role(String user) {
        List<Map<String, Object>> all =
                Api.admin().get("/api/v1/accounts").jsonPath().getList("accounts");
        return all.stream()
                .filter(a -> a.get("username").equals(user))
                .map(a -> (String) a.get("role"))
                .findFirst()
                .orElse(null);
    }

    private static int login(String user, String password) {
        return Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password))
                .post("/api/v1/auth/login")
                .statusCode();
    }

    @Test
    void aViewerSeesTheUsersSectionDisabledWithTheReason() {
        as(viewer);
        browser.page("settings");
        WebElement users = browser.find("#users");
        assertTrue(users.getText().contains("Users are for administrators"), users.getText());
        WebElement add = browser.find("#users form button[type=submit]");
        assertFalse(add.isEnabled(), "a viewer cannot add users");
        assertTrue(add.getDomAttribute("title").contains("admin"), add.getDomAttribute("title"));
        assertFalse(browser.find("#user-name").isEnabled());
    }

    @Test
    void everyoneChangesTheirOwnPasswordFromTheSettingsPage() {
        String me = user(Role.VIEWER);
        as(me);
        browser.page("settings");
        browser.find("#pw-current").sendKeys(PASSWORD);
        browser.find("#pw-new").sendKeys("another long passphrase");
        browser.find("#pw-confirm").sendKeys("another long passphrase");
        browser.find("#password form button[type=submit]").click();
        browser.waitFor(Duration.ofSeconds(5), d -> login(me, "another long passphrase") == 200);
        assertEquals(401, login(me, PASSWORD));
        browser.page("overview"); // this browser's own session goes on
        assertEquals(me + " (viewer)", browser.find("#me").getText());
    }

    @Test
    void theApiExplorerWorksUnderTheContentSecurityPolicy() {
        as(admin);
        browser.open("/api/v1/docs/");
        browser.waitFor(
                Duration.ofSeconds(15),
                d -> d.findElements(By.cssSelector(".swagger-ui .info .title")).stream()
                        .anyMatch(e -> e.getText().contains("Hearth API")));
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector(".swagger-ui .opblock")).size() > 10);
        browser.screenshot("api-docs");
        browser.open("/");
        browser.waitReady("overview");
    }

    @Test
    void theThemeSwitchesToLightAndStaysAfterAReload() {
        as(admin);
        // Dark unless the system asks for light (headless Chromium reports light); the toggle overrides both.
        String system =
                (Boolean) browser.js("return matchMedia('(prefers-color-scheme: light)').matches") ? "light" : "dark";
        assertEquals(system, browser.js("return document.documentElement.dataset.theme"));
        if (system.equals("light")) browser.find("#theme").click();
        assertEquals("dark", browser.js("return document.documentElement.dataset.theme"));
        browser.driver().navigate().refresh();
        browser.waitReady("overview");
        assertEquals(
                "dark",
                browser.js("return document.documentElement.dataset.theme"),
                "a chosen theme outlasts a reload");
        browser.screenshot("overview-dark");
        browser.find("#theme").click();
        assertEquals("light", browser.js("return document.documentElement.dataset.theme"));
        browser.driver().navigate().refresh();
        browser.waitReady("overview");
        assertEquals("light", browser.js("return document.documentElement.dataset.theme"));
        browser.screenshot("overview-light");
        browser.js("localStorage.removeItem('hearth-theme')");
    }

    @Test
    void everyControlIsReachableByKeyboardAndLabelled() {
        as(admin);
        for (String page : PAGES) {
            browser.page(page);
            @SuppressWarnings("unchecked")
            List<String> unlabelled = (List<String>) browser.js("""
                    return [...document.querySelectorAll('input,select,textarea,button')].filter(el => {
                      if (el.type === 'hidden') return false;
                      const named = el.getAttribute('aria-label') || (el.labels && el.labels.length) || (el.textContent || '').trim();
                      return !named;
                    }).map(el => el.outerHTML.slice(0, 80));""");
            assertEquals(List.of(), unlabelled, page + " has controls without a label");
        }
        browser.page("overview");
        browser.js("document.activeElement.blur()");
        browser.find("body").sendKeys(org.openqa.selenium.Keys.TAB);
        assertEquals("Skip to content", browser.js("return document.activeElement.textContent"));
    }

    // ---- pages whose routes came from other branches: each says so if its route is missing ---------------------

    @Test
    void theMetricsChartDraws() {
        assertTrue(routeExists("GET /api/v1/metrics/history"), "the route GET /api/v1/metrics/history is missing");
        as(admin);
        browser.page("monitoring");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> !d.findElements(By.cssSelector("#history-chart canvas")).isEmpty());
        for (String range : List.of("24h", "7d", "30d", "1h")) {
            browser.find("button[data-range='" + range + "']").click();
            browser.waitFor(
                    Duration.ofSeconds(10),
                    d -> "true"
                                    .equals(d.findElement(By.cssSelector("button[data-range='" + range + "']"))
                                            .getDomAttribute("aria-pressed"))
                            && !d.findElements(By.cssSelector("#history-chart canvas"))
                                    .isEmpty());
        }
        Object drawn = browser.js("""
                const c = document.querySelector('#history-chart canvas');
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
                return false;""");
        assertEquals(Boolean.TRUE, drawn, "the chart canvas has pixels drawn");
        browser.screenshot("monitoring-chart");
    }

    @Test
    void anAlertRaisedThroughTheApiAppearsWithoutReload() {
        assertTrue(
                routeExists("POST /api/v1/alerts") && routeExists("GET /api/v1/alerts"),
                "the routes POST and GET /api/v1/alerts are missing");
        assertTrue(routeExists("WS /ws"), "the WebSocket hub at /ws is missing");
        as(admin);
        browser.page("alerts");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> "live".equals(d.findElement(By.id("live")).getDomAttribute("data-state")));
        Object marker = browser.js("window.__noReload = 42; return window.__noReload;");
        String message = "Dashboard test alert " + UUID.randomUUID();
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("level", "warning", "message", message))
                .post("/api/v1/alerts")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        browser.waitFor(
                Duration.ofSeconds(5),
                d -> d.findElement(By.id("alert-list")).getText().contains(message));
        assertEquals(marker, browser.js("return window.__noReload;"), "the page was not reloaded");
        browser.screenshot("alerts-live");
        String id = browser.waitFor(
                Duration.ofSeconds(5),
                d -> d.findElements(By.xpath("//li[@data-alert][contains(., '" + message + "')]")).stream()
                        .findFirst()
                        .map(li -> li.getDomAttribute("data-alert"))
                        .orElse(null));
        browser.click("li[data-alert='" + id + "'] button[data-action=ack]");
        // read in one script: the list is redrawn by the ack and by the hub's message about it
        browser.waitFor(
                Duration.ofSeconds(5),
                d -> String.valueOf(browser.js(
                                "return document.querySelector(arguments[0])?.textContent",
                                "li[data-alert='" + id + "']"))
                        .contains("acknowledged"));
    }

    @Test
    void anAdminChangesAThresholdAndAViewerCannot() {
        assertTrue(routeExists("POST /api/v1/alerts/settings"), "the route POST /api/v1/alerts/settings is missing");
        as(admin);
        browser.page("alerts");
        WebElement warning = browser.find("#th-cpu-warning");
        String old = warning.getDomProperty("value");
        warning.clear();
        warning.sendKeys("77");
        browser.find("#al-set ~ form button[type=submit], section[aria-labelledby=al-set] button[type=submit]")
                .click();
        browser.waitFor(
                Duration.ofSeconds(5),
                d -> Api.admin().get("/api/v1/alerts/settings").jsonPath().getDouble("thresholds.cpu.warning") == 77.0);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("thresholds", Map.of("cpu", Map.of("warning", Double.parseDouble(old)))))
                .post("/api/v1/alerts/settings")
                .then()
                .statusCode(200);
        as(viewer);
        browser.page("alerts");
        assertFalse(browser.find("#th-cpu-warning").isEnabled());
        assertFalse(browser.find("section[aria-labelledby=al-set] button[type=submit]")
                .isEnabled());
        browser.all("li[data-alert] button[data-action=ack]")
                .forEach(b -> assertFalse(b.isEnabled(), "a viewer cannot acknowledge"));
    }

    @Test
    void theRouteTableNamesEveryRouteWithItsRole() {
        Map<String, String> routes = RouteTable.scan();
        assertEquals("viewer", routes.get("GET /api/v1/auth/me"));
        assertEquals("admin", routes.get("POST /api/v1/keys"));
        assertEquals("admin", routes.get("DELETE /api/v1/keys/{id}"));
        assertNull(routes.get("GET /api/v1/nothing-here"));
    }
}
