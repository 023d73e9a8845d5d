package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code monitoring.notifications.desktop} in real headless Chromium: with the permission granted (as a person's
 * click on the Alerts page would), an alert raised while a tab is open is shown by the browser's Notification API, at
 * the least level or above only; with the setting off, none is. Each notification the page creates is recorded on its
 * way to the browser's own constructor, which still shows it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesktopNotificationsTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String RECORDER = """
            (() => {
              const Real = window.Notification;
              if (typeof Real !== 'function') return;
              window.__shownNotifications = [];
              class Recorded extends Real {
                constructor(title, options) {
                  super(title, options);
                  window.__shownNotifications.push({ title, body: options && options.body, tag: options && options.tag });
                }
              }
              window.Notification = Recorded;
            })();""";

    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    Browser browser;
    String admin;

    @BeforeAll
    void start() {
        admin = "admin-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(admin, PASSWORD, Role.ADMIN);
        browser = new Browser(base);
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
        chrome.executeCdpCommand(
                "Browser.grantPermissions", Map.of("origin", browser.base(), "permissions", List.of("notifications")));
        browser.login(admin, PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void consoleIsClean() {
        browser.assertNoConsoleErrors();
    }

    private static void desktop(boolean on) {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("notifications", Map.of("desktop", on)))
                .post("/api/v1/alerts/settings")
                .then()
                .statusCode(200);
    }

    private static String raise(String level) {
        String message = "Desktop test " + level + " " + UUID.randomUUID();
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("level", level, "message", message))
                .post("/api/v1/alerts")
                .then()
                .statusCode(201);
        return message;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> shown() {
        return (List<Map<String, Object>>) browser.js("return window.__shownNotifications");
    }

    private boolean wasShown(String message) {
        return shown().stream().anyMatch(n -> message.equals(n.get("body")));
    }

    /** The alerts page drawn afresh (it reads the setting), its live socket up. */
    private void alertsPage() {
        browser.page("alerts");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> "live".equals(d.findElement(By.id("live")).getDomAttribute("data-state")));
    }

    @Test
    void anAlertRaisedWhileATabIsOpenIsShownAsADesktopNotificationFromTheLeastLevelUp() {
        desktop(true);
        alertsPage();
        assertEquals("granted", browser.find("#desktop-notifications").getDomAttribute("data-state"));
        // info is below the default least level (warning); it is sent first, so its turn has passed when warning's
        // shows
        String info = raise("info");
        String warning = raise("warning");
        browser.waitFor(Duration.ofSeconds(10), d -> wasShown(warning));
        Map<String, Object> n = shown().stream()
                .filter(x -> warning.equals(x.get("body")))
                .findFirst()
                .orElseThrow();
        assertEquals("Hearth: warning alert", n.get("title"));
        assertFalse(wasShown(info), "an info alert is below monitoring.notifications.min_level: " + shown());
        browser.screenshot("desktop-notification");
    }

    @Test
    void withTheSettingOffNoAlertIsShown() {
        desktop(false);
        try {
            alertsPage();
            assertEquals("off", browser.find("#desktop-notifications").getDomAttribute("data-state"));
            browser.js("performance.clearResourceTimings()");
            String quiet = raise("critical");
            // the tab reads the setting when the alert arrives: once it has, the alert has had its turn
            browser.waitFor(
                    Duration.ofSeconds(10),
                    d -> ((Number) browser.js("return performance.getEntriesByType('resource')"
                                            + ".filter(e => e.name.endsWith('/api/v1/alerts/settings')).length"))
                                    .intValue()
                            >= 1);
            desktop(true);
            String loud = raise("critical");
            browser.waitFor(Duration.ofSeconds(10), d -> wasShown(loud));
            assertFalse(wasShown(quiet), "shown with monitoring.notifications.desktop false: " + shown());
        } finally {
            desktop(true);
        }
    }
}
