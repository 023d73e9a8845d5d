package dev.hearth.notify.telegram.bot;

import static dev.hearth.notify.telegram.bot.TelegramBotProfile.GROUP;
import static dev.hearth.notify.telegram.bot.TelegramBotProfile.OPERATOR;
import static dev.hearth.notify.telegram.bot.TelegramBotProfile.STRANGER;
import static dev.hearth.notify.telegram.bot.TelegramBotProfile.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.downloads.DownloadCompleted;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.StatusFilter;
import dev.hearth.fakes.FakeTelegram;
import dev.hearth.services.RuntimeDispatch;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import dev.hearth.testing.TorrentFixture;
import dev.hearth.web.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bot as a Telegram user meets it: updates arrive by long polling from the Telegram double, answers come back
 * through the same client code that talks to api.telegram.org, actions reach the real plex process and the real
 * qBittorrent.
 */
@QuarkusTest
@TestProfile(TelegramBotProfile.class)
class TelegramBotTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Inject
    RuntimeDispatch services;

    @Inject
    TelegramBot bot;

    @Inject
    BotCompletions completions;

    @Inject
    BotStore store;

    @Inject
    BotProgress progress;

    @Inject
    DownloadService downloads;

    @Inject
    dev.hearth.platform.security.UserService users;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    FakeTelegram telegram = TelegramBotProfile.telegram();

    @AfterEach
    void plexRunsAgain() {
        if (!services.status("plex").running()) services.start("plex");
    }

    /** Sends a text as {@code user} in {@code chat} and answers the bot's next message to that chat. */
    private FakeTelegram.Message say(long user, long chat, String text) {
        int before = telegram.messagesTo(Long.toString(chat)).size();
        telegram.pushText(user, chat, text);
        return Await.until(WITHIN, "the bot's answer to " + text, () -> {
            List<FakeTelegram.Message> m = telegram.messagesTo(Long.toString(chat));
            return m.size() > before ? m.get(before) : null;
        });
    }

    private void awaitHandled(long updateId) {
        Await.untilTrue(WITHIN, "update " + updateId + " handled", () -> store.offset() > updateId);
    }

    @Test
    void aStrangerGetsNoAnswerAtAllWhileAnAllowedUserDoes() {
        long strangerUpdate = telegram.pushText(STRANGER, STRANGER, "/status");
        long strangerButton = telegram.pushCallback(STRANGER, STRANGER, "y:0123456789abcdef01234567");
        FakeTelegram.Message answer = say(OPERATOR, OPERATOR, "/status");
        awaitHandled(strangerButton);

        assertTrue(strangerUpdate < strangerButton);
        assertFalse(answer.text().isBlank());
        assertEquals(List.of(), telegram.messagesTo(Long.toString(STRANGER)), "not a word to a stranger");
        assertTrue(
                telegram.callbackAnswers.stream()
                        .noneMatch(a -> a.callbackQueryId().startsWith("cb" + strangerButton)),
                "not even the button of a stranger is answered");
        assertTrue(bot.status().strangersIgnored() >= 2);
    }

    @Test
    void theCommandsAnswerInPlainWordsAndHelpFitsTheRole() {
        assertTrue(say(OPERATOR, OPERATOR, "/help").text().contains("restart"));
        assertTrue(say(VIEWER, VIEWER, "/help").text().contains("viewer"));
        assertTrue(say(OPERATOR, OPERATOR, "/services").text().toLowerCase().contains("plex"));
        assertFalse(say(OPERATOR, OPERATOR, "/downloads").text().isBlank());
        assertFalse(say(OPERATOR, OPERATOR, "/alerts").text().isBlank());
        assertTrue(say(OPERATOR, OPERATOR, "/frobnicate").text().contains("/help"));
    }

    @Test
    void aViewerCannotRestartAndAnOperatorsRestartReachesTheRealProcess() {
        Await.untilTrue(WITHIN, "plex runs", () -> services.status("plex").running());
        long pid = services.status("plex").pid();

        String refused = say(VIEWER, VIEWER, "/restart plex").text();
        assertTrue(refused.contains("operator"), refused);
        // a member of a viewer group, not listed as a user, acts as viewer too
        String inGroup = say(4242, GROUP, "/restart@HearthBot plex").text();
        assertTrue(inGroup.contains("operator"), inGroup);
        assertEquals(pid, services.status("plex").pid(), "the viewers' restarts did nothing");

        String done = say(OPERATOR, OPERATOR, "/restart plex").text();
        assertNotEquals(pid, services.status("plex").pid(), done);
        assertTrue(services.status("plex").running());
    }

    @Test
    void aStopWaitsForTheYesButtonAndTheButtonIsAnswered() {
        Await.untilTrue(WITHIN, "plex runs", () -> services.status("plex").running());
        FakeTelegram.Message question = say(OPERATOR, OPERATOR, "stop plex");
        JsonNode row = question.replyMarkup().path("inline_keyboard").path(0);
        assertEquals("Yes", row.path(0).path("text").asText(), question.toString());
        assertEquals("No", row.path(1).path("text").asText());
        assertTrue(services.status("plex").running(), "nothing stops before the yes");

        int before = telegram.messagesTo(Long.toString(OPERATOR)).size();
        long press = telegram.pushCallback(
                OPERATOR, OPERATOR, row.path(0).path("callback_data").asText());
        Await.untilTrue(WITHIN, "plex stopped", () -> !services.status("plex").running());
        awaitHandled(press);
        assertTrue(
                telegram.callbackAnswers.stream()
                        .anyMatch(a -> a.callbackQueryId().equals("cb" + press)),
                "the button press was answered: " + telegram.callbackAnswers);
        assertTrue(telegram.messagesTo(Long.toString(OPERATOR)).size() > before, "and the result was said");

        // "No" on a fresh question runs nothing
        services.start("plex");
        Await.untilTrue(WITHIN, "plex runs", () -> services.status("plex").running());
        JsonNode again = say(OPERATOR, OPERATOR, "stop plex")
                .replyMarkup()
                .path("inline_keyboard")
                .path(0);
        long no = telegram.pushCallback(
                OPERATOR, OPERATOR, again.path(1).path("callback_data").asText());
        awaitHandled(no);
        assertTrue(services.status("plex").running(), "no means no");
    }

    @Test
    void aTorrentFileSentToTheBotDownloadsInQbittorrentAndTheChatHearsOfItsCompletionOnce() {
        String name = "telegram-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        TorrentFixture f = TorrentFixture.create(
                TelegramBotProfile.qbittorrentDownloads(),
                TelegramBotProfile.DIR.resolve("torrents"),
                name,
                64 * 1024 + 7);

        String viewerTry = sayDocument(VIEWER, name, f).text();
        assertTrue(viewerTry.contains("operator"), viewerTry);

        String started = sayDocument(OPERATOR, name, f).text();
        assertTrue(started.contains("Downloading " + name), started);
        FakeTelegram.Message done = Await.until(
                WITHIN,
                "the completion message",
                () -> telegram.messagesTo(Long.toString(OPERATOR)).stream()
                        .filter(m -> m.text().contains("Download finished: " + name))
                        .findFirst()
                        .orElse(null));
        assertTrue(done.text().startsWith("✅"));

        // The bus delivers at least once: the same event again says nothing more.
        String taskId = downloads.list(new StatusFilter.All(), "qbittorrent", 500, 0).tasks().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
        completions.on(
                new DownloadCompleted(taskId, "qbittorrent", name, "", "", 1, Instant.now(), "telegram:" + OPERATOR));
        assertEquals(
                1,
                telegram.messagesTo(Long.toString(OPERATOR)).stream()
                        .filter(m -> m.text().contains("Download finished: " + name))
                        .count());
    }

    @Test
    void aDownloadHalfwayIsToldToItsChatOnceAtItsStepAndNoMore() throws Exception {
        String name =
                "telegram-half-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        // Four 64 KiB pieces (mktorrent -l 16); the last two are spoilt on disk, so the REAL qBittorrent finds half
        // the data when it checks the files and, with no peer to fetch the rest from, stays at 50 %.
        TorrentFixture f = TorrentFixture.create(
                TelegramBotProfile.qbittorrentDownloads(),
                TelegramBotProfile.DIR.resolve("torrents"),
                name,
                4 * 64 * 1024);
        try (java.io.RandomAccessFile data =
                new java.io.RandomAccessFile(f.data().toFile(), "rw")) {
            data.seek(2 * 64 * 1024);
            data.write(new byte[2 * 64 * 1024]);
        }
        String started = sayDocument(OPERATOR, name, f).text();
        assertTrue(started.contains("Downloading " + name), started);
        String taskId = Await.until(
                WITHIN,
                "the task",
                () -> downloads.list(new StatusFilter.All(), "qbittorrent", 500, 0).tasks().stream()
                        .filter(t -> t.name().equals(name))
                        .findFirst()
                        .map(dev.hearth.downloads.Task::id)
                        .orElse(null));
        var last = new java.util.concurrent.atomic.AtomicReference<dev.hearth.downloads.Task>();
        try {
            Await.untilTrue(Duration.ofSeconds(60), "qBittorrent checked the files: half is there", () -> {
                var t = downloads.get(taskId);
                last.set(t);
                return t.status() == dev.hearth.downloads.TaskStatus.DOWNLOADING && Math.abs(t.progress() - 50) < 0.5;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen " + last.get(), e);
        }

        progress.check();
        progress.check(); // a second round (or the bot's own, meanwhile) tells nothing new
        List<String> told = telegram.messagesTo(Long.toString(OPERATOR)).stream()
                .map(FakeTelegram.Message::text)
                .filter(t -> t.contains(name) && t.contains("% downloaded"))
                .toList();
        assertEquals(List.of("⏳ " + name + ": 50 % downloaded."), told, "the step reached, once, and not 25 % too");
        assertTrue(telegram.messagesTo(Long.toString(VIEWER)).stream()
                .noneMatch(m -> m.text().contains(name)));
        downloads.remove(taskId, false);
    }

    @Test
    void progressIsOneMessageInTheChatThatIsEditedAtEachStep() throws Exception {
        String name =
                "telegram-steps-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        int piece = 64 * 1024;
        TorrentFixture f = TorrentFixture.create(
                TelegramBotProfile.qbittorrentDownloads(), TelegramBotProfile.DIR.resolve("torrents"), name, 4 * piece);
        byte[] whole = java.nio.file.Files.readAllBytes(f.data());
        // Of four pieces only the first is right on disk: the REAL qBittorrent checks the files and stays at 25 %.
        try (java.io.RandomAccessFile data =
                new java.io.RandomAccessFile(f.data().toFile(), "rw")) {
            data.seek(piece);
            data.write(new byte[3 * piece]);
        }
        String started = sayDocument(OPERATOR, name, f).text();
        assertTrue(started.contains("Downloading " + name), started);
        String taskId = Await.until(
                WITHIN,
                "the task",
                () -> downloads.list(new StatusFilter.All(), "qbittorrent", 500, 0).tasks().stream()
                        .filter(t -> t.name().equals(name))
                        .findFirst()
                        .map(dev.hearth.downloads.Task::id)
                        .orElse(null));
        String chat = Long.toString(OPERATOR);
        try {
            awaitDownloading(taskId, 25);
            progress.check();
            FakeTelegram.Message told = Await.until(
                    WITHIN,
                    "the progress message",
                    () -> telegram.messagesTo(chat).stream()
                            .filter(m -> m.text().contains(name) && m.text().contains("% downloaded"))
                            .findFirst()
                            .orElse(null));
            assertEquals("⏳ " + name + ": 25 % downloaded.", told.text());

            // Two more pieces arrive (written back) and qBittorrent checks the files again: 75 %.
            try (java.io.RandomAccessFile data =
                    new java.io.RandomAccessFile(f.data().toFile(), "rw")) {
                data.seek(piece);
                data.write(whole, piece, 2 * piece);
            }
            recheck(taskId.substring(taskId.indexOf(':') + 1));
            awaitDownloading(taskId, 75);
            progress.check();
            progress.check(); // a second round tells nothing new

            List<FakeTelegram.Message> progressMessages = telegram.messagesTo(chat).stream()
                    .filter(m -> m.text().contains(name) && m.text().contains("% downloaded"))
                    .toList();
            assertEquals(List.of(told), progressMessages, "one progress message in the chat, not one a step");
            long id = telegram.idOf(told);
            assertEquals("⏳ " + name + ": 75 % downloaded.", telegram.shownText(id), "the message now reads 75 %");
            assertEquals(
                    List.of(new FakeTelegram.Edit(chat, id, "⏳ " + name + ": 75 % downloaded.")),
                    telegram.edits.stream().filter(e -> e.text().contains(name)).toList(),
                    "edited once, at the step reached");
        } finally {
            downloads.remove(taskId, false);
        }
    }

    private void awaitDownloading(String taskId, double percent) {
        var last = new java.util.concurrent.atomic.AtomicReference<dev.hearth.downloads.Task>();
        try {
            Await.untilTrue(Duration.ofSeconds(60), "qBittorrent checked the files: " + percent + " %", () -> {
                var t = downloads.get(taskId);
                last.set(t);
                return t.status() == dev.hearth.downloads.TaskStatus.DOWNLOADING
                        && Math.abs(t.progress() - percent) < 0.5;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen " + last.get(), e);
        }
    }

    /** qBittorrent's "Force recheck", straight through its Web API: Hearth has no such action. */
    private static void recheck(String hash) throws Exception {
        java.net.URI qb = TelegramBotProfile.qbittorrentUrl();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        for (var call : List.of(
                java.util.Map.entry(
                        "api/v2/auth/login",
                        "username=" + dev.hearth.testing.QbittorrentDaemon.USER + "&password="
                                + dev.hearth.testing.QbittorrentDaemon.PASSWORD),
                java.util.Map.entry("api/v2/torrents/recheck", "hashes=" + hash))) {
            var r = http.send(
                    java.net.http.HttpRequest.newBuilder(qb.resolve(call.getKey()))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(call.getValue()))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), call.getKey() + ": " + r.body());
        }
    }

    private FakeTelegram.Message sayDocument(long user, String name, TorrentFixture f) {
        int before = telegram.messagesTo(Long.toString(user)).size();
        telegram.pushDocument(user, user, name + ".torrent", f.torrentBytes());
        return Await.until(WITHIN, "the answer to the file", () -> {
            List<FakeTelegram.Message> m = telegram.messagesTo(Long.toString(user));
            return m.size() > before ? m.get(before) : null;
        });
    }

    @Test
    void aMagnetFromAnOperatorBecomesAQbittorrentTaskAndFromAViewerNothing() {
        String magnet = TorrentFixture.unknownMagnet(
                "Telegram.Magnet." + ThreadLocalRandom.current().nextInt(1 << 20));
        assertTrue(say(VIEWER, VIEWER, magnet).text().contains("operator"));
        String started = say(OPERATOR, OPERATOR, magnet).text();
        assertTrue(started.contains("qbittorrent"), started);
    }

    @Test
    void aRestartedBotAsksFromTheStoredOffsetAndAnswersNothingTwice() {
        int seen = telegram.messagesTo(Long.toString(OPERATOR)).size();
        long update = telegram.pushText(OPERATOR, OPERATOR, "/status");
        Await.untilTrue(
                WITHIN,
                "answered",
                () -> telegram.messagesTo(Long.toString(OPERATOR)).size() > seen);
        awaitHandled(update);
        long stored = store.offset();
        assertEquals(update + 1, stored, "the offset stored is the next update's id");
        int answers = telegram.messagesTo(Long.toString(OPERATOR)).size();
        int asked = telegram.offsetsAsked.size();

        bot.stop();
        bot.start();
        Await.untilTrue(WITHIN, "the new poller asked", () -> telegram.offsetsAsked.size() > asked);

        assertEquals(stored, telegram.offsetsAsked.get(asked), "resumed where it stopped");
        assertEquals(0, telegram.unconfirmed(), "every update confirmed");
        assertEquals(answers, telegram.messagesTo(Long.toString(OPERATOR)).size(), "no update handled twice");
        assertTrue(say(OPERATOR, OPERATOR, "/help").text().contains("restart"), "and it still answers");
    }

    @Test
    void maintenanceListsTheBotAsAWorkerAndItsRestartStartsAFreshPollThatStillAnswers() {
        say(OPERATOR, OPERATOR, "/status");
        Api.admin()
                .get("/api/v1/maintenance/workers")
                .then()
                .statusCode(200)
                .body("workers.name", org.hamcrest.Matchers.hasItem(TelegramBot.WORKER));
        long restarts = bot.view().orElseThrow().restarts();
        long freshPolls = deleteWebhooks();
        int asked = telegram.offsetsAsked.size();

        Api.admin()
                .post("/api/v1/maintenance/workers/" + TelegramBot.WORKER + "/restart")
                .then()
                .statusCode(200)
                .body("worker.name", org.hamcrest.Matchers.equalTo(TelegramBot.WORKER))
                .body("worker.running", org.hamcrest.Matchers.equalTo(true))
                .body("worker.restarts", org.hamcrest.Matchers.equalTo((int) restarts + 1));

        // a new poll thread starts by dropping any webhook, then asks from the stored offset
        Await.untilTrue(WITHIN, "a fresh poller started", () -> deleteWebhooks() > freshPolls);
        Await.untilTrue(WITHIN, "the new poller asked", () -> telegram.offsetsAsked.size() > asked);
        assertTrue(say(OPERATOR, OPERATOR, "/help").text().contains("restart"), "and it still answers");
        Api.admin()
                .get("/api/v1/audit?limit=20")
                .then()
                .body(
                        "entries.find { it.action == 'maintenance.restart_worker' }.params",
                        org.hamcrest.Matchers.containsString(TelegramBot.WORKER));
    }

    private long deleteWebhooks() {
        return telegram.requests.stream()
                .filter(r -> r.path().endsWith("/deleteWebhook"))
                .count();
    }

    @Test
    void theSettingsPageShowsTheBotPollingItsLastUpdateAndWhoMayTalkToIt() {
        say(OPERATOR, OPERATOR, "/status");
        String admin = "tg-admin-" + ThreadLocalRandom.current().nextInt(1 << 20);
        users.create(admin, "correct horse battery", dev.hearth.platform.security.Role.ADMIN);
        try (Browser browser = new Browser(base)) {
            browser.login(admin, "correct horse battery");
            browser.page("settings");
            browser.waitFor(
                    Duration.ofSeconds(10), d -> !browser.all("#bot-state").isEmpty());
            String state = browser.find("#bot-state").getText();
            assertTrue(state.startsWith("Long polling"), state);
            assertFalse(state.contains("none yet"), "the last update is shown: " + state);
            String members = browser.find("#bot-members").getText();
            assertTrue(members.contains("user " + OPERATOR + ": operator"), members);
            assertTrue(members.contains("chat " + GROUP + ": viewer"), members);
            assertFalse(browser.find("#telegram-bot").getText().contains(TelegramBotProfile.TOKEN), "never the token");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void theWebhookDoorRefusesAnUpdateWhileTheBotPolls() {
        Api.anonymous()
                .contentType(ContentType.JSON)
                .header("X-Telegram-Bot-Api-Secret-Token", "whatever-secret-value-0123")
                .body(Map.of("update_id", 1, "message", Map.of("text", "/status")))
                .post("/api/v1/telegram/webhook")
                .then()
                .statusCode(401)
                .body("error.code", org.hamcrest.Matchers.equalTo("UNAUTHORIZED"));
    }
}
