package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.backups.BackupService;
import dev.hearth.minecraft.MinecraftApiTest;
import dev.hearth.minecraft.MinecraftWorld;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.testing.Api;
import dev.hearth.testing.MinecraftPeer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Path;
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

/**
 * The Backups page and the Minecraft cards in headless Chromium against a running Hearth with a real dockerd: make a
 * backup, verify it, download it, restore only with its name typed out, and start and stop a server from its card.
 */
@QuarkusTest
@TestProfile(MinecraftApiTest.Profile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareDashboardTest {
    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    @Inject
    BackupService backups;

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

    @Test
    void bothPagesDrawOnADesktopAndAPhoneWithReadableContrast() {
        as(admin);
        for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.size(size);
            for (String page : List.of("backups", "minecraft")) {
                browser.page(page);
                assertEquals(
                        page.substring(0, 1).toUpperCase() + page.substring(1),
                        browser.find("main h1").getText());
                browser.screenshot(page + (size == Browser.PHONE ? "-phone" : ""));
                @SuppressWarnings("unchecked")
                List<String> low = (List<String>) browser.js(DashboardTest.CONTRAST);
                assertEquals(List.of(), low, page + " has text below 4.5:1 contrast");
                long overflow = (Long) browser.js(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow <= 0, page + " is wider than the window by " + overflow + " px");
            }
        }
    }

    @Test
    void anAdminMakesVerifiesAndDownloadsABackupAndRestoresOnlyWithItsNameTypedOut() throws Exception {
        as(admin);
        browser.page("backups");
        WebElement name = browser.find("#backup-name");
        name.clear();
        name.sendKeys("from_the_browser");
        browser.find("#backup-description").sendKeys("made in Chromium");
        browser.find("#backup-create").click();
        WebElement row = row("from_the_browser");
        assertTrue(row.getText().contains("made in Chromium"), row.getText());
        assertEquals(
                "completed", row.findElement(By.cssSelector("[data-state]")).getText());
        String id = row.getDomAttribute("data-backup");
        String href = row.findElement(By.cssSelector("a[data-action=download]")).getDomAttribute("href");
        assertEquals("/api/v1/backups/" + id + "/download", href);
        Object status = browser.js(
                "return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('content-disposition'))", href);
        assertTrue(String.valueOf(status).startsWith("200 attachment"), String.valueOf(status));

        row.findElement(By.cssSelector("button[data-action=verify]")).click();
        browser.waitFor(
                Duration.ofSeconds(10), d -> row("from_the_browser").getText().contains("verified: ok"));

        // damage it, so that the restore the browser asks for is refused by the server and the test app keeps running
        Path file =
                backups.directory().resolve(backups.require(Long.parseLong(id)).fileName());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 1);
        }
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector(".toast")).isEmpty()); // the verify toast covers the row
        row("from_the_browser")
                .findElement(By.cssSelector("button[data-action=restore]"))
                .click();
        WebElement yes = browser.find("#restore-yes");
        WebElement typed = browser.find("#restore-confirm");
        assertFalse(yes.isEnabled(), "nothing typed: the restore cannot be confirmed");
        typed.sendKeys("from_the_browse");
        assertFalse(yes.isEnabled(), "a name that is not the backup's");
        typed.sendKeys("r");
        assertTrue(yes.isEnabled());
        browser.screenshot("backups-restore-confirm");
        yes.click();
        String toast = browser.waitFor(
                Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector(".toast.error")).stream()
                        .map(WebElement::getText)
                        .filter(t -> !t.isEmpty())
                        .findFirst()
                        .orElse(null));
        assertTrue(
                toast.contains("damaged"),
                "the request went out with the typed name and the server's refusal is shown: " + toast);
        browser.expectConsoleError("/api/v1/backups/" + id
                + "/restore - Failed to load resource: the server responded with a status of 400");
        Api.admin()
                .get("/api/v1/audit?limit=20")
                .then()
                .body(
                        "entries.find { it.action == 'backups.restore' }.params",
                        org.hamcrest.Matchers.containsString("from_the_browser"));
    }

    @Test
    void aViewerSeesTheBackupsButMakesRestoresAndDownloadsNone() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "for_viewers"))
                .post("/api/v1/backups")
                .then()
                .statusCode(201);
        as(viewer);
        browser.page("backups");
        assertFalse(browser.find("#backup-create").isEnabled());
        WebElement row = row("for_viewers");
        for (String action : List.of("download", "verify", "restore", "delete")) {
            WebElement b = row.findElement(By.cssSelector("[data-action=" + action + "]"));
            assertEquals("button", b.getTagName(), action + " is a disabled button, not a link");
            assertFalse(b.isEnabled(), action);
        }
    }

    @Test
    void aMinecraftCardShowsPlayersAndVersionAndStopsAndStartsTheServer() throws Exception {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "CardWorld", "version", "1.20.4"))
                .post("/api/v1/minecraft/create")
                .then()
                .statusCode(201);
        var server = Api.admin()
                .get("/api/v1/minecraft/CardWorld")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String password = MinecraftApiTest.env(
                MinecraftWorld.inspect("/containers/" + server.getString("container_id") + "/json"), "RCON_PASSWORD");
        try (MinecraftPeer peer = MinecraftPeer.start(
                server.getInt("port"), server.getInt("rcon_port"), password, "1.20.4", "CardWorld", 2, 10)) {
            as(admin);
            browser.page("minecraft");
            WebElement card = browser.find("[data-server='CardWorld']");
            assertEquals(
                    "2 / 10",
                    card.findElement(By.cssSelector("[data-field=players]")).getText());
            assertEquals(
                    "1.20.4",
                    card.findElement(By.cssSelector("[data-field=version]")).getText());
            browser.screenshot("minecraft-card");
            card.findElement(By.cssSelector("button[data-action=stop]")).click();
            browser.waitFor(
                    Duration.ofSeconds(90),
                    d -> "exited"
                            .equals(d.findElement(By.cssSelector("[data-server='CardWorld'] [data-state]"))
                                    .getText()));
            browser.click("[data-server='CardWorld'] button[data-action=start]");
            browser.waitFor(
                    Duration.ofSeconds(30),
                    d -> "running"
                            .equals(d.findElement(By.cssSelector("[data-server='CardWorld'] [data-state]"))
                                    .getText()));
        }
        as(viewer);
        browser.page("minecraft");
        assertFalse(
                browser.find("[data-server='CardWorld'] button[data-action=stop]")
                        .isEnabled(),
                "a viewer cannot stop a server");
        Api.admin()
                .delete("/api/v1/minecraft/CardWorld?delete_world=true")
                .then()
                .statusCode(200);
    }
}
