package dev.hearth.notify.telegram.bot;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.fakes.FakeTelegram;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bot in webhook mode: it registers itself with its secret_token, and its door takes only updates carrying it. */
@QuarkusTest
@TestProfile(TelegramWebhookTest.WebhookProfile.class)
class TelegramWebhookTest {
    static final String TOKEN = "515151:AAwebhook_token-0123";
    static final String SECRET = "hook-secret_0123456789abcdef";
    static final long USER = 2001;

    public static class WebhookProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "hearth.data_dir",
                    Path.of("target/test-telegram-webhook/"
                                    + ProcessHandle.current().pid() + "/data")
                            .toAbsolutePath()
                            .toString(),
                    "hearth.telegram_bot.enabled",
                    "true",
                    "hearth.telegram_bot.bot_token",
                    TOKEN,
                    "hearth.telegram_bot.mode",
                    "webhook",
                    "hearth.telegram_bot.public_url",
                    "https://hearth.example.org/",
                    "hearth.telegram_bot.secret_token",
                    SECRET,
                    "hearth.telegram_bot.users",
                    "[{\"id\": \"" + USER + "\", \"role\": \"viewer\"}]");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Double.class));
        }
    }

    public static class Double implements QuarkusTestResourceLifecycleManager {
        private FakeTelegram telegram;

        @Override
        public Map<String, String> start() {
            try {
                telegram = new FakeTelegram(TOKEN, Set.of(Long.toString(USER)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.getProperties().put("hearth.test.telegram-webhook", telegram);
            return Map.of("hearth.telegram_bot.api_base_url", telegram.url());
        }

        @Override
        public void stop() {
            if (telegram != null) telegram.close();
            System.getProperties().remove("hearth.test.telegram-webhook");
        }
    }

    FakeTelegram telegram = (FakeTelegram) System.getProperties().get("hearth.test.telegram-webhook");

    private static Map<String, Object> update(long id, String text) {
        return Map.of(
                "update_id",
                id,
                "message",
                Map.of(
                        "message_id",
                        7,
                        "date",
                        1,
                        "from",
                        Map.of("id", USER, "is_bot", false, "first_name", "w"),
                        "chat",
                        Map.of("id", USER, "type", "private"),
                        "text",
                        text));
    }

    private static RequestSpecification post(Map<String, Object> update) {
        return Api.anonymous().contentType(ContentType.JSON).body(update);
    }

    @Test
    void theBotRegistersItsWebhookWithTheSecretAndTakesOnlyUpdatesThatCarryIt() {
        assertEquals("https://hearth.example.org/api/v1/telegram/webhook", telegram.webhookUrl());
        assertEquals(SECRET, telegram.webhookSecret());

        post(update(501, "/help"))
                .post("/api/v1/telegram/webhook")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        post(update(502, "/help"))
                .header("X-Telegram-Bot-Api-Secret-Token", "hook-secret_0123456789abcdeX")
                .post("/api/v1/telegram/webhook")
                .then()
                .statusCode(401);
        assertEquals(List.of(), telegram.messages, "refused updates are not handled");

        post(update(503, "/help"))
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .post("/api/v1/telegram/webhook")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));
        Await.untilTrue(Duration.ofSeconds(10), "the answer", () -> telegram.messages.size() == 1);

        // Telegram redelivers an update it thinks failed: handled once.
        post(update(503, "/help"))
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .post("/api/v1/telegram/webhook")
                .then()
                .statusCode(200);
        assertEquals(1, telegram.messages.size());
        assertEquals(Long.toString(USER), telegram.messages.getFirst().chatId());
    }
}
