package dev.hearth.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.web.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;

/** The Admin console in headless Chromium: shell, Python and its variables, upload and download, a job; hidden from others. */
@QuarkusTest
@TestProfile(RemoteAdminProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleTest {
    static final String PASSWORD = "correct horse battery";

    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(base);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
    }

    String user(Role role) {
        String name = role.id() + "-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, PASSWORD, role);
        return name;
    }

    @Test
    void anAdminRunsACommandAndPythonMovesFilesAndStartsAJob() throws Exception {
        browser.signOutByCookies();
        browser.login(user(Role.ADMIN), PASSWORD);
        browser.click(".nav a[data-page=admin]");
        browser.waitReady("admin");
        assertEquals("Admin console", browser.find("main h1").getText());

        browser.find("#shell-command").sendKeys("echo hello-from-the-console" + Keys.ENTER);
        browser.waitFor(
                Duration.ofSeconds(15),
                d -> browser.find("#shell-output").getText().contains("hello-from-the-console\n[exit 0"));
        browser.find("#shell-command").sendKeys(Keys.ARROW_UP);
        assertEquals(
                "echo hello-from-the-console",
                browser.find("#shell-command").getDomProperty("value"),
                "the up arrow recalls the last command");
        browser.find("#shell-command").clear();

        browser.find("#py-code").sendKeys("x = 41 + 1\nprint('from python')");
        browser.click("#admin-python button[type=submit]");
        browser.waitFor(
                Duration.ofSeconds(30),
                d -> browser.all("#py-vars tr[data-var=x]").size() == 1);
        assertTrue(browser.find("#py-vars tr[data-var=x]").getText().contains("42"));
        assertTrue(browser.find("#py-output").getText().contains("from python"));

        Path local = Files.createTempFile("console-upload-", ".txt");
        Files.writeString(local, "uploaded through the console");
        String name = local.getFileName().toString();
        browser.find("#upload-file").sendKeys(local.toString());
        browser.click("#admin-files button.primary");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> !browser.all("#files-list tr[data-file='" + name + "']").isEmpty());
        Object downloaded = browser.js(
                "return fetch(document.querySelector(\"#files-list tr[data-file='\" + arguments[0] + \"'] a\").href)"
                        + ".then(r => r.text());",
                name);
        assertEquals("uploaded through the console", downloaded);
        Files.delete(local);

        browser.find("#job-input").sendKeys("print('Done')");
        browser.click("#admin-jobs button[type=submit]");
        browser.waitFor(
                Duration.ofSeconds(30),
                d -> !browser.all("#job-list tr[data-status=done]").isEmpty());
        assertTrue(browser.find("#job-list tr[data-status=done]").getText().contains("Done"));
        browser.screenshot("admin-console");
        browser.assertNoConsoleErrors();
    }

    @Test
    void theConsoleIsAbsentForAViewer() {
        browser.signOutByCookies();
        browser.login(user(Role.VIEWER), PASSWORD);
        assertTrue(browser.all(".nav a[data-page=admin]").isEmpty(), "no link for a viewer");
        browser.open("/#/admin");
        browser.waitReady("overview");
        assertTrue(browser.all("#shell-command").isEmpty());
        browser.assertNoConsoleErrors();
    }
}
