package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.plugins.PluginsProfile;
import dev.hearth.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Plugins page in headless Chromium against a running Hearth with the example plugins: list, errors, switch. */
@QuarkusTest
@TestProfile(PluginsProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginsDashboardTest {
    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    Browser browser;
    String admin;
    String viewer;

    @BeforeAll
    void start() {
        Api.reset();
        admin = user(Role.ADMIN);
        viewer = user(Role.VIEWER);
        browser = new Browser(base);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void helloIsOn() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body("{\"enabled\": true}")
                .post("/api/v1/plugins/hello/toggle")
                .then()
                .statusCode(200);
    }

    @AfterEach
    void consoleIsClean() {
        browser.size(Browser.DESKTOP);
        browser.assertNoConsoleErrors();
    }

    String user(Role role) {
        String name = role.id() + "-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, DashboardTest.PASSWORD, role);
        return name;
    }

    void as(String user) {
        browser.signOutByCookies();
        browser.login(user, DashboardTest.PASSWORD);
    }

    WebElement row(String name) {
        return browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector("tr[data-name='" + name + "']")).stream()
                        .findFirst()
                        .orElse(null));
    }

    String state(String name) {
        return row(name).findElement(By.cssSelector("[data-state]")).getText();
    }

    @Test
    void thePageDrawsOnADesktopAndAPhoneWithReadableContrast() {
        as(admin);
        for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.size(size);
            browser.page("plugins");
            assertEquals("Plugins", browser.find("main h1").getText());
            row("hello");
            browser.screenshot("plugins" + (size == Browser.PHONE ? "-phone" : ""));
            @SuppressWarnings("unchecked")
            List<String> low = (List<String>) browser.js(DashboardTest.CONTRAST);
            assertEquals(List.of(), low, "plugins has text below 4.5:1 contrast");
            long overflow = (Long)
                    browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow <= 0, "plugins is wider than the window by " + overflow + " px");
        }
    }

    @Test
    void anAdminSeesEachPluginsStateAndErrorAndSwitchesOneOffAndOn() {
        as(admin);
        browser.page("plugins");
        WebElement hello = row("hello");
        assertTrue(hello.getText().contains("1.2.0"), hello.getText());
        assertTrue(hello.getText().contains("Greets people and echoes notifications"), hello.getText());
        assertEquals("enabled", state("hello"));
        WebElement broken = row("broken");
        assertEquals("failed", state("broken"));
        assertTrue(
                broken.findElement(By.cssSelector("[data-error]")).getText().contains("the broken plugin cannot start"),
                broken.getText());

        hello.findElement(By.cssSelector("button[data-action=toggle]")).click();
        browser.waitFor(Duration.ofSeconds(10), d -> "disabled".equals(state("hello")));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{\"who\": \"Ada\"}")
                .post("/api/v1/actions/hello.greet")
                .then()
                .statusCode(404);

        row("hello").findElement(By.cssSelector("button[data-action=toggle]")).click();
        browser.waitFor(Duration.ofSeconds(10), d -> "enabled".equals(state("hello")));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{\"who\": \"Ada\"}")
                .post("/api/v1/actions/hello.greet")
                .then()
                .statusCode(200);
        Api.admin()
                .get("/api/v1/audit?limit=20")
                .then()
                .body(
                        "entries.find { it.action == 'plugins.toggle' }.actor",
                        org.hamcrest.Matchers.containsString(admin));
    }

    @Test
    void aViewerSeesThePluginsButSwitchesNone() {
        as(viewer);
        browser.page("plugins");
        WebElement toggle = row("hello").findElement(By.cssSelector("button[data-action=toggle]"));
        assertFalse(toggle.isEnabled());
        assertEquals("enabled", state("hello"));
    }
}
