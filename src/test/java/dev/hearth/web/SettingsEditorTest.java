package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Download categories and alert thresholds changed from the dashboard, in headless Chromium, on a Hearth whose
 * hearth.yml sets a category and the memory thresholds: those show where they come from and stay read-only; a
 * category added in the browser is in the running configuration at once (no restart), one outside the download
 * roots is refused with the roots before anything is saved; a CPU threshold changed on the Alerts page is what the
 * alert settings answer.
 */
@QuarkusTest
@TestProfile(SettingsEditorProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsEditorTest {
    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    Browser browser;
    String admin;

    @BeforeAll
    void start() {
        admin = "admin-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(admin, DashboardTest.PASSWORD, Role.ADMIN);
        browser = new Browser(base);
        browser.login(admin, DashboardTest.PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void consoleIsClean() {
        browser.assertNoConsoleErrors();
    }

    WebElement categoryRow(String name) {
        try {
            return browser.waitFor(
                    Duration.ofSeconds(10),
                    d -> d.findElements(By.cssSelector("tr[data-category='" + name + "']")).stream()
                            .findFirst()
                            .orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "no row for the category " + name + " in: "
                            + browser.find("#categories").getText(),
                    e);
        }
    }

    static JsonPath config() {
        return Api.admin()
                .get("/api/v1/config")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aCategoryFromHearthYmlShowsWhereItComesFromAndIsReadOnly() {
        browser.page("settings");
        WebElement movies = categoryRow("movies");
        assertEquals("true", movies.getDomAttribute("data-readonly"));
        String origin = movies.findElement(By.cssSelector("[data-origin]")).getText();
        assertTrue(origin.contains("hearth.yml") && origin.contains("read-only"), origin);
        assertTrue(
                movies.findElements(By.cssSelector("input, button")).isEmpty(),
                "nothing to edit or remove in " + movies.getText());
        assertTrue(movies.getText().contains(SettingsEditorProfile.DIR + "/downloads/movies"), movies.getText());

        JsonPath origins = Api.admin()
                .get("/api/v1/config/origins")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(SettingsEditorProfile.DIR.resolve("hearth.yml").toString(), origins.getString("file"));
        assertEquals(
                "file", origins.getString("keys.find { it.key == 'downloads.categories.movies.save_path' }.source"));
        assertEquals(
                false, origins.getBoolean("keys.find { it.key == 'downloads.categories.movies.save_path' }.editable"));

        // the API will not take away what the file brings back at the next start
        Api.admin()
                .contentType("application/json")
                .when()
                .body("{\"downloads\":{\"categories\":{\"movies\":null}}}")
                .patch("/api/v1/config")
                .then()
                .statusCode(409);
        // nor write over it: the file stays the source of what it sets
        Api.admin()
                .contentType("application/json")
                .when()
                .body("{\"downloads\":{\"categories\":{\"movies\":{\"save_path\":\"" + SettingsEditorProfile.DIR
                        + "/downloads/films\"}}}}")
                .patch("/api/v1/config")
                .then()
                .statusCode(409)
                .body("error.message", org.hamcrest.Matchers.containsString("set in hearth.yml"));
        assertEquals(
                SettingsEditorProfile.DIR + "/downloads/movies",
                config().getString("downloads.categories.movies.save_path"));
    }

    @Test
    void aCategoryAddedInTheBrowserIsRunningAtOnceOneOutsideTheRootsIsRefusedWithTheRootsAndRemovingItWorks()
            throws Exception {
        browser.page("settings");
        categoryRow("movies");
        String outside = "/var/tmp/hearth-not-a-root-" + UUID.randomUUID();
        addCategory("escape", outside, "");
        WebElement error = browser.waitFor(Duration.ofSeconds(10), d -> {
            WebElement e = d.findElement(By.id("cat-error"));
            return e.isDisplayed() ? e : null;
        });
        assertTrue(
                error.getText().contains("outside the download directories")
                        && error.getText().contains(SettingsEditorProfile.DIR + "/downloads"),
                error.getText());
        assertFalse(config().getMap("downloads.categories").containsKey("escape"), "nothing was saved");
        browser.expectConsoleError(
                "/api/v1/config - Failed to load resource: the server responded with a status of 400");

        String films = SettingsEditorProfile.DIR + "/downloads/films";
        String library = SettingsEditorProfile.DIR + "/media/films";
        addCategory("films", films, library);
        WebElement row = categoryRow("films");
        assertEquals(
                "added here", row.findElement(By.cssSelector("[data-origin]")).getText());
        JsonPath running = config();
        assertEquals(films, running.getString("downloads.categories.films.save_path"));
        assertEquals(library, running.getString("downloads.categories.films.library_path"));
        String overrides = Files.readString(SettingsEditorProfile.DIR.resolve("data/config-overrides.yml"));
        assertTrue(overrides.contains(films), "saved for the next start: " + overrides);
        // a download root now, as a category's save path is: a destination inside it is accepted by the same check
        assertEquals(
                "runtime",
                Api.admin()
                        .get("/api/v1/config/origins")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("keys.find { it.key == 'downloads.categories.films.save_path' }.source"));

        // edited in its row: the running config follows
        String otherLibrary = SettingsEditorProfile.DIR + "/media/cinema";
        WebElement libraryField = row.findElement(By.cssSelector("input[data-field='library_path']"));
        libraryField.clear();
        libraryField.sendKeys(otherLibrary);
        browser.click(By.cssSelector("tr[data-category='films'] button[aria-label='save films']"));
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> otherLibrary.equals(config().getString("downloads.categories.films.library_path")));

        browser.click(By.cssSelector("tr[data-category='films'] button[aria-label='remove films']"));
        browser.click("dialog[open] button[value=yes]");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector("tr[data-category='films']")).isEmpty());
        assertFalse(config().getMap("downloads.categories").containsKey("films"), "removed from the running config");
        assertFalse(
                Files.readString(SettingsEditorProfile.DIR.resolve("data/config-overrides.yml"))
                        .contains(films),
                "removed from the saved changes");
    }

    void addCategory(String name, String savePath, String libraryPath) {
        for (var field : List.of(
                List.of("cat-name", name), List.of("cat-save", savePath), List.of("cat-library", libraryPath))) {
            WebElement input = browser.find("#" + field.get(0));
            input.clear();
            input.sendKeys(field.get(1));
        }
        browser.click("#cat-add");
    }

    @Test
    void aThresholdFromHearthYmlIsReadOnlyAndACpuThresholdChangedOnTheAlertsPageIsWhatTheAlertSettingsSay() {
        browser.page("alerts");
        WebElement memory = browser.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("th-memory-warning")));
        assertEquals(String.valueOf(SettingsEditorProfile.FILE_MEMORY_WARNING), memory.getDomProperty("value"));
        assertFalse(memory.isEnabled(), "a threshold from hearth.yml cannot be edited here");
        assertTrue(browser.find("[data-readonly-note='th-memory-warning']")
                .getText()
                .contains("hearth.yml"));
        WebElement cpu = browser.find("#th-cpu-warning");
        assertTrue(cpu.isEnabled());
        cpu.clear();
        cpu.sendKeys("77");
        browser.click(By.xpath("//button[normalize-space()='Save thresholds']"));
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> Api.admin()
                                .get("/api/v1/alerts/settings")
                                .then()
                                .extract()
                                .jsonPath()
                                .getDouble("thresholds.cpu.warning")
                        == 77.0);
        JsonPath settings =
                Api.admin().get("/api/v1/alerts/settings").then().extract().jsonPath();
        assertEquals(SettingsEditorProfile.FILE_MEMORY_WARNING, settings.getDouble("thresholds.memory.warning"));
        assertEquals(77.0, config().getDouble("monitoring.thresholds.cpu.warning"));
        browser.page("alerts");
        assertEquals(
                "77",
                browser.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("th-cpu-warning")))
                        .getDomProperty("value"));

        // null gives a run-time value back to its default (80), and it is no longer listed as set at run time
        Api.admin()
                .contentType("application/json")
                .body("{\"monitoring\":{\"thresholds\":{\"cpu\":{\"warning\":null}}}}")
                .patch("/api/v1/config")
                .then()
                .statusCode(200);
        assertEquals(
                80.0,
                Api.admin()
                        .get("/api/v1/alerts/settings")
                        .then()
                        .extract()
                        .jsonPath()
                        .getDouble("thresholds.cpu.warning"));
        assertFalse(
                Api.admin().get("/api/v1/config/origins").asString().contains("\"monitoring.thresholds.cpu.warning\""));
    }
}
