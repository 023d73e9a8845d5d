package dev.hearth.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.DownloadService;
import dev.hearth.fakes.FakeTorrentProvider;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.services.RuntimeDispatch;
import dev.hearth.testing.Await;
import dev.hearth.web.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

/**
 * The chat box on the Overview in real headless Chromium: a person types, the same assistant answers with their own
 * role, a stop waits for the "yes" button, the conversation survives a reload, and a torrent name full of HTML is shown
 * as text. Any console error fails the test.
 */
@QuarkusTest
@TestProfile(AssistantProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatBoxTest {
    static final String PASSWORD = "correct horse battery";

    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    @Inject
    RuntimeDispatch services;

    @Inject
    DownloadService downloads;

    @Inject
    FakeTorrentProvider torrents;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(base);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void consoleIsClean() {
        browser.assertNoConsoleErrors();
        if (!services.status("plex").running()) services.start("plex");
    }

    void signIn(Role role) {
        String name = "chat-" + role.id() + "-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, PASSWORD, role);
        browser.signOutByCookies();
        browser.login(name, PASSWORD);
        browser.waitFor(Duration.ofSeconds(10), d -> !browser.all("#chat-input").isEmpty());
    }

    /** Types a message, sends it, and waits for the assistant's answer to it. */
    WebElement say(String text) {
        int before = browser.all("#chat-log .msg.assistant").size();
        browser.find("#chat-input").sendKeys(text);
        browser.click("#chat-send");
        return lastAnswerAfter(before);
    }

    WebElement lastAnswerAfter(int before) {
        browser.waitFor(
                Duration.ofSeconds(15),
                d -> browser.all("#chat-log .msg.assistant").size() > before);
        List<WebElement> answers = browser.all("#chat-log .msg.assistant");
        return answers.getLast();
    }

    @Test
    void anOperatorRestartsPlexAndConfirmsAStopWithTheButton() {
        signIn(Role.OPERATOR);
        Await.untilTrue(
                Duration.ofSeconds(10),
                "plex runs",
                () -> services.status("plex").running());
        long pid = services.status("plex").pid();
        WebElement answer = say("restart the plex server");
        assertEquals("success", answer.getDomAttribute("data-status"), answer.getText());
        assertEquals("services.restart", answer.getDomAttribute("data-action"));
        assertNotEquals(pid, services.status("plex").pid());
        browser.screenshot("chat-restart");

        answer = say("stop plex");
        assertEquals("needs_confirmation", answer.getDomAttribute("data-status"));
        assertTrue(services.status("plex").running(), "nothing stops before the yes");
        int before = browser.all("#chat-log .msg.assistant").size();
        answer.findElements(org.openqa.selenium.By.cssSelector(".choices button")).stream()
                .filter(b -> b.getText().equals("yes"))
                .findFirst()
                .orElseThrow()
                .click();
        answer = lastAnswerAfter(before);
        assertEquals("success", answer.getDomAttribute("data-status"), answer.getText());
        Await.untilTrue(
                Duration.ofSeconds(10),
                "plex stopped",
                () -> !services.status("plex").running());

        browser.open("/");
        browser.waitFor(
                Duration.ofSeconds(10), d -> browser.all("#chat-log .msg").size() >= 6);
        List<WebElement> all = browser.all("#chat-log .msg");
        assertTrue(
                all.stream().anyMatch(m -> m.getText().contains("restart the plex server")),
                "the history is drawn after a reload");
    }

    @Test
    void aViewerIsRefusedAndUpstreamHtmlIsShownAsText() {
        torrents.client("fakebit").addExternal("<img src=x onerror=\"document.title='pwned'\"> Sintel");
        downloads.refresh();
        signIn(Role.VIEWER);
        WebElement answer = say("restart plex");
        assertEquals("refused", answer.getDomAttribute("data-status"));
        assertTrue(answer.getText().contains("operator role"), answer.getText());
        answer = say("what is downloading?");
        assertTrue(answer.getText().contains("<img src=x"), "the name is shown as text: " + answer.getText());
        assertEquals(0, browser.all("#chat-log img").size(), "no element was made from it");
        assertTrue(!"pwned".equals(browser.js("return document.title")));
        browser.screenshot("chat-viewer");
    }
}
