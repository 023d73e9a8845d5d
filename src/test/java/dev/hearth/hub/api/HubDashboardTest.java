package dev.hearth.hub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.web.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A service's API panel in real headless Chromium: detection, Re-detect, the write-only form, Test connection, the explorer. */
@QuarkusTest
@TestProfile(HubApiProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubDashboardTest {
    static final String PASSWORD = "correct horse battery";

    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    Browser browser;

    @BeforeAll
    void start() {
        users.create("hub-admin", PASSWORD, Role.ADMIN);
        browser = new Browser(base);
    }

    /** Each test signs in afresh (the login page does not serve a browser that is signed in already). */
    @BeforeEach
    void signedOut() {
        browser.signOutByCookies();
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void theApiPanelDetectsTestsCredentialsAndExploresWithoutShowingASecret() {
        browser.login("hub-admin", PASSWORD);
        browser.page("services/series");
        browser.waitFor(Duration.ofSeconds(10), d -> !browser.all("#hub-type").isEmpty());
        browser.click("#hub-redetect");
        browser.waitFor(
                Duration.ofSeconds(15),
                d -> browser.find("#hub-detected").getText().contains("found by probe"));
        assertTrue(
                browser.find("#hub-base").getText().endsWith("/api"),
                browser.find("#hub-detected").getText());
        assertTrue(browser.find("#hub-credential-status").getText().contains("api_key: set (hearth.yml"));

        browser.find("#hub-api-key").sendKeys("not-the-key");
        browser.click("#hub-test");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> !browser.find("#hub-test-result").getText().isEmpty());
        assertEquals("false", browser.find("#hub-test-result").getDomAttribute("data-ok"));
        browser.find("#hub-api-key").clear();
        browser.find("#hub-api-key").sendKeys(HubApiProfile.KEY);
        browser.click("#hub-test");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> "true".equals(browser.find("#hub-test-result").getDomAttribute("data-ok")));

        browser.find("#hub-path").clear();
        browser.find("#hub-path").sendKeys("/api/v3/system/status");
        browser.click("#hub-send");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> browser.find("#hub-result").getText().contains("Sonarr"));
        assertEquals("200", browser.find("#hub-result").getDomAttribute("data-status"));
        browser.screenshot("service-api-panel");

        browser.find("#hub-api-key").clear();
        browser.open("/#/services/series");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> !browser.all("#hub-credential-status li").isEmpty());
        assertFalse(browser.driver().getPageSource().contains(HubApiProfile.KEY), "the key reached the page");
        // An external service has no container or process: the page says so instead of asking for stats and logs.
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> !browser.all("[data-no-runtime=logs]").isEmpty());
        assertTrue(browser.find("[data-no-runtime=stats]").getText().contains("no stats"));
        assertTrue(browser.find("[data-no-runtime=logs]").getText().contains("No log"));
        var severe = browser.driver().manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString)
                .toList();
        assertTrue(severe.isEmpty(), "the browser console has errors: " + severe);
    }

    @Test
    void theExplorerDrawsAnImageTheServiceAnswersThroughTheRawProxy() {
        browser.login("hub-admin", PASSWORD);
        browser.page("services/nas");
        browser.waitFor(Duration.ofSeconds(10), d -> !browser.all("#hub-path").isEmpty());
        browser.find("#hub-path").clear();
        browser.find("#hub-path").sendKeys("/img.png");
        browser.click("#hub-send");
        browser.waitFor(Duration.ofSeconds(10), d -> !browser.all("#hub-image").isEmpty());
        // drawn: the browser decoded the service's PNG, served from Hearth's origin as an image, 3 pixels wide
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> Long.valueOf(3)
                        .equals(((org.openqa.selenium.JavascriptExecutor) browser.driver())
                                .executeScript("return document.getElementById('hub-image').naturalWidth")));
        assertTrue(browser.find("#hub-result").getText().contains("base64"));
    }
}
