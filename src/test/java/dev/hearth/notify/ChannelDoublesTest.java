package dev.hearth.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.fakes.FakeDiscord;
import dev.hearth.fakes.FakeGotify;
import dev.hearth.fakes.FakeNtfy;
import dev.hearth.fakes.FakeTelegram;
import dev.hearth.fakes.FakeWebhook;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each channel against a double that checks requests the way the real API does. */
class ChannelDoublesTest {
    private static final String TOKEN = "987654:secret-bot-token_XYZ";

    @TempDir
    Path dir;

    private HttpStack http;
    private NotificationService service;

    @BeforeEach
    void stack() {
        http = new HttpStack(Channels.JSON, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (service != null) service.stop();
        http.close();
    }

    private NotificationService start(dev.hearth.notify.ChannelConfig... channels) {
        service = Channels.service(
                new Database(TestConfig.sqlite(dir)), http, Clock.systemUTC(), Duration.ofMinutes(5), channels);
        service.start();
        return service;
    }

    private static Delivery only(List<Delivery> deliveries) {
        assertEquals(1, deliveries.size(), deliveries.toString());
        return deliveries.getFirst();
    }

    @Test
    void telegramSendsEscapedMarkdownV2ThatTheApiAccepts() throws Exception {
        try (FakeTelegram tg = new FakeTelegram(TOKEN, Set.of("42"))) {
            start(Channels.of(
                    "tg", "telegram", new dev.hearth.notify.telegram.TelegramSettings(TOKEN, List.of("42"), tg.url())));
            service.notify(new Notification(
                    Level.ERROR,
                    "Backup *failed* (exit 1)!",
                    "path: /srv/data_1 [x] a.b-c_d #1 +2 =3 |4| {5} ~6 `7` >8 \\9",
                    "backups",
                    "",
                    java.time.Instant.now()));
            TelegramBurstTest.waitFor(() -> tg.messages.size() == 1, Duration.ofSeconds(5));
            assertEquals(List.of(), tg.refusals);
            String text = tg.messages.getFirst().text();
            assertTrue(text.contains("Backup *failed* (exit 1)!"), text);
            assertTrue(text.contains("path: /srv/data_1 [x] a.b-c_d #1 +2 =3 |4| {5} ~6 `7` >8 \\9"), text);
        }
    }

    @Test
    void telegramSplitsALongMessageIntoPartsOfAtMost4096InOrder() throws Exception {
        try (FakeTelegram tg = new FakeTelegram(TOKEN, Set.of("42"))) {
            start(Channels.of(
                    "tg", "telegram", new dev.hearth.notify.telegram.TelegramSettings(TOKEN, List.of("42"), tg.url())));
            StringBuilder log = new StringBuilder();
            for (int i = 0; log.length() < 10_000; i++)
                log.append("line ").append(i).append(": done.\n");
            service.notify(Notification.of(Level.WARNING, "Long log", log.toString(), "test", java.time.Instant.now()));
            TelegramBurstTest.waitFor(() -> tg.messages.size() == 3, Duration.ofSeconds(10));
            assertEquals(List.of(), tg.refusals);
            String joined = String.join(
                    "", tg.messages.stream().map(FakeTelegram.Message::text).toList());
            assertTrue(joined.endsWith(log.toString()), "the parts together are the whole message, in order");
            assertTrue(tg.messages.stream().allMatch(m -> m.text().length() <= 4096));
            for (int k = 1; k < 3; k++)
                assertTrue(tg.messages.get(k).arrivedAtMs()
                                - tg.messages.get(k - 1).arrivedAtMs()
                        >= 1000);
        }
    }

    @Test
    void telegram429RetryAfterIsHonouredAndNothingIsLost() throws Exception {
        try (FakeTelegram tg = new FakeTelegram(TOKEN, Set.of("42"))) {
            tg.scriptNext(429, "Too Many Requests: retry after 2", 2);
            start(Channels.of(
                    "tg", "telegram", new dev.hearth.notify.telegram.TelegramSettings(TOKEN, List.of("42"), tg.url())));
            service.notify(Notification.of(Level.WARNING, "After a 429", "", "test", java.time.Instant.now()));
            TelegramBurstTest.waitFor(() -> tg.messages.size() == 1, Duration.ofSeconds(8));
            long gap = tg.messages.getFirst().arrivedAtMs()
                    - tg.requests.getFirst().arrivedAtMs();
            assertTrue(gap >= 2000, "waited retry_after before sending again: " + gap + " ms");
        }
    }

    @Test
    void aRefusedTokenFailsTheDeliveryWithoutTheTokenInTheError() throws Exception {
        try (FakeTelegram tg = new FakeTelegram("111:other", Set.of("42"))) {
            start(Channels.of(
                    "tg", "telegram", new dev.hearth.notify.telegram.TelegramSettings(TOKEN, List.of("42"), tg.url())));
            Delivery d = only(service.sendTest("tg", "tester"));
            assertEquals(Delivery.Status.FAILED, d.status());
            assertTrue(d.lastError().contains("401") && d.lastError().contains("Unauthorized"), d.lastError());
            assertFalse(d.lastError().contains("secret-bot-token"), d.lastError());
        }
    }

    @Test
    void ntfyPublishesWithTitlePriorityTagsAndBearerToken() throws Exception {
        try (FakeNtfy ntfy = new FakeNtfy("hearth-alerts", "tk_secret123")) {
            start(Channels.of(
                    "push",
                    "ntfy",
                    new dev.hearth.notify.ntfy.NtfySettings(ntfy.url(), "hearth-alerts", "tk_secret123")));
            service.notify(Notification.of(
                    Level.CRITICAL, "Disk full – /srv", "0 bytes free", "monitoring", java.time.Instant.now()));
            TelegramBurstTest.waitFor(() -> ntfy.published.size() == 1, Duration.ofSeconds(5));
            FakeNtfy.Published p = ntfy.published.getFirst();
            assertEquals("0 bytes free", p.message());
            assertEquals("5", p.priority());
            assertEquals("rotating_light", p.tags());
            assertTrue(p.title().startsWith("=?UTF-8?B?"), "a non-ASCII title is an encoded word: " + p.title());
        }
    }

    @Test
    void ntfyWithAWrongTokenFails() throws Exception {
        try (FakeNtfy ntfy = new FakeNtfy("hearth-alerts", "tk_right")) {
            start(Channels.of(
                    "push",
                    "ntfy",
                    new dev.hearth.notify.ntfy.NtfySettings(ntfy.url(), "hearth-alerts", "tk_wrong_one")));
            Delivery d = only(service.sendTest("push", "tester"));
            assertEquals(Delivery.Status.FAILED, d.status());
            assertTrue(d.lastError().startsWith("HTTP 401"), d.lastError());
            assertFalse(d.lastError().contains("tk_wrong_one"));
        }
    }

    @Test
    void gotifyPostsJsonWithTheKeyInAHeader() throws Exception {
        try (FakeGotify gotify = new FakeGotify("AppToken.1")) {
            start(Channels.of(
                    "gotify", "gotify", new dev.hearth.notify.gotify.GotifySettings(gotify.url(), "AppToken.1")));
            assertEquals(
                    Delivery.Status.DELIVERED,
                    only(service.sendTest("gotify", "tester")).status());
            JsonNode m = gotify.messages.getFirst();
            assertEquals("Hearth test notification", m.path("title").asText());
            assertEquals(2, m.path("priority").asInt());
            assertTrue(gotify.requests.getFirst().query() == null, "the token never goes in the URL");
        }
    }

    @Test
    void discordExecutesTheWebhookWithAnEmbedAndWaitsOutA429() throws Exception {
        try (FakeDiscord discord = new FakeDiscord("1234", "webhook-token-abc")) {
            discord.throttleNext(1);
            start(Channels.of(
                    "discord", "discord", new dev.hearth.notify.discord.DiscordSettings(discord.webhookUrl())));
            Delivery d = only(service.sendTest("discord", "tester"));
            TelegramBurstTest.waitFor(() -> discord.executed.size() == 1, Duration.ofSeconds(5));
            JsonNode embed = discord.executed.getFirst().path("embeds").get(0);
            assertEquals("Hearth test notification", embed.path("title").asText());
            assertEquals("wait=true", discord.queries.getFirst());
            assertTrue(d.lastError() == null || !d.lastError().contains("webhook-token-abc"));
        }
    }

    @Test
    void discordWithADeletedWebhookFailsWithoutTheTokenInTheError() throws Exception {
        try (FakeDiscord discord = new FakeDiscord("1234", "the-real-token")) {
            String wrong = discord.url() + "/api/webhooks/1234/deleted-token-xyz";
            start(Channels.of("discord", "discord", new dev.hearth.notify.discord.DiscordSettings(wrong)));
            Delivery d = only(service.sendTest("discord", "tester"));
            assertEquals(Delivery.Status.FAILED, d.status());
            assertFalse(d.lastError().contains("deleted-token-xyz"), d.lastError());
        }
    }

    @Test
    void theWebhookIsSignedWithHmacSha256OverTheRawBody() throws Exception {
        try (FakeWebhook hook = new FakeWebhook("/hooks/hearth", "s3cret-hmac")) {
            start(Channels.of(
                    "hook", "webhook", new dev.hearth.notify.webhook.WebhookSettings(hook.hookUrl(), "s3cret-hmac")));
            assertEquals(
                    Delivery.Status.DELIVERED,
                    only(service.sendTest("hook", "tester")).status());
            JsonNode body = hook.accepted.getFirst().json();
            assertEquals("info", body.path("level").asText());
            assertEquals("notifications.test", body.path("source").asText());
        }
    }

    @Test
    void aWrongHmacSecretIsRefusedByTheReceiver() throws Exception {
        try (FakeWebhook hook = new FakeWebhook("/hooks/hearth", "right-secret")) {
            start(Channels.of(
                    "hook", "webhook", new dev.hearth.notify.webhook.WebhookSettings(hook.hookUrl(), "wrong-secret")));
            Delivery d = only(service.sendTest("hook", "tester"));
            assertEquals(Delivery.Status.FAILED, d.status());
            assertTrue(d.lastError().startsWith("HTTP 401"), d.lastError());
        }
    }
}
