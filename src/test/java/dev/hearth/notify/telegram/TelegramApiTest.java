package dev.hearth.notify.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.FakeTelegram;
import dev.hearth.notify.Channels;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.NotificationService;
import dev.hearth.notify.NotificationsConfig;
import dev.hearth.notify.NotifierKinds;
import dev.hearth.notify.internal.SharedLimiters;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.KindContext;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.Await;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot's Bot API client against the Telegram double: splitting, the pace per chat, 429, and the shared limiter. */
class TelegramApiTest {
    private static final String TOKEN = "777001:api-test_token";
    private static final String CHAT = "4242";

    private static KindContext context(HttpStack http) {
        return new KindContext(http, Channels.JSON, Clock.systemUTC(), dev.hearth.testing.Targets::defaults);
    }

    private static TelegramApi api(FakeTelegram telegram, HttpStack http, SharedLimiters limiters) {
        return TelegramApi.create(TOKEN, telegram.url(), 1024 * 1024, context(http), limiters);
    }

    @Test
    void aLongAnswerArrivesAsMessagesOfAtMost4096CharactersThatTogetherAreTheWholeText() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(TOKEN, Set.of(CHAT));
                HttpStack http = new HttpStack(Channels.JSON, Clock.systemUTC())) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; text.length() < 10_000; i++)
                text.append("line ").append(i).append(" of a long answer 🎬\n");
            api(telegram, http, new SharedLimiters()).sendMessage(CHAT, text.toString(), null);

            List<String> parts = telegram.messagesTo(CHAT).stream()
                    .map(FakeTelegram.Message::text)
                    .toList();
            assertEquals(3, parts.size(), "10 000 characters need three messages");
            parts.forEach(p -> assertTrue(p.length() <= 4096, "a part of " + p.length()));
            assertEquals(text.toString(), String.join("", parts), "nothing lost or doubled at the cuts");
            assertTrue(parts.get(0).endsWith("\n"), "cut after a line, not inside one");
            assertEquals(0, telegram.throttled.getOrDefault(CHAT, 0), "the parts keep the pace of one a second");
        }
    }

    @Test
    void aSplitNeverCutsASurrogatePair() {
        String text = "a".repeat(4095) + "🎬" + "b";
        List<String> parts = TelegramApi.split(text, 4096);
        assertEquals(text, String.join("", parts));
        parts.forEach(p -> assertTrue(!p.isEmpty() && !Character.isHighSurrogate(p.charAt(p.length() - 1))));
    }

    @Test
    void a429IsObeyedWithItsRetryAfterAndTheMessageStillArrives() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(TOKEN, Set.of(CHAT));
                HttpStack http = new HttpStack(Channels.JSON, Clock.systemUTC())) {
            telegram.scriptNext(429, "Too Many Requests: retry after 2", 2);
            long start = System.nanoTime();
            api(telegram, http, new SharedLimiters()).sendMessage(CHAT, "after the wait", null);
            long waitedMs = (System.nanoTime() - start) / 1_000_000;

            assertEquals(
                    List.of("after the wait"),
                    telegram.messagesTo(CHAT).stream()
                            .map(FakeTelegram.Message::text)
                            .toList());
            assertTrue(waitedMs >= 1900, "retry_after 2 s was obeyed (waited " + waitedMs + " ms)");
        }
    }

    /**
     * The notification channel and the bot on the same bot token are one client with one allowance: sent at the same
     * moment to one chat, six messages arrive a second apart, Telegram throttles none of them, and all six come over
     * one connection (two clients would each have opened their own).
     */
    @Test
    void theBotAndTheNotificationChannelShareOneClientAndOneLimiterPerBot(@TempDir Path dir) throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(TOKEN, Set.of(CHAT));
                HttpStack http = new HttpStack(Channels.JSON, Clock.systemUTC())) {
            SharedLimiters limiters = new SharedLimiters();
            NotificationService notifications = new NotificationService(
                    new Database(TestConfig.sqlite(dir)),
                    new NotificationsConfig(
                            Duration.ZERO,
                            List.of(Channels.of(
                                    "tg", "telegram", new TelegramSettings(TOKEN, List.of(CHAT), telegram.url())))),
                    NotifierKinds.load(),
                    context(http),
                    Clock.systemUTC(),
                    limiters);
            TelegramApi bot = api(telegram, http, limiters);
            notifications.start();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 3; i++) {
                    int n = i;
                    notifications.notify(
                            new Notification(Level.INFO, "channel " + n, "", "test", "share-" + n, Instant.now()));
                    pool.submit(() -> bot.sendMessage(CHAT, "bot " + n, null));
                }
            }
            Await.untilTrue(
                    Duration.ofSeconds(20),
                    "six messages",
                    () -> telegram.messagesTo(CHAT).size() >= 6);
            notifications.stop();

            List<FakeTelegram.Message> got = telegram.messagesTo(CHAT);
            assertEquals(0, telegram.throttled.getOrDefault(CHAT, 0), "no 429: one pace for both senders");
            assertEquals(
                    6, got.size(), got.stream().map(FakeTelegram.Message::text).collect(Collectors.joining(", ")));
            for (int i = 1; i < got.size(); i++)
                assertTrue(
                        got.get(i).arrivedAtMs() - got.get(i - 1).arrivedAtMs() >= 950,
                        "one a second in the chat, whoever sends");
            java.util.Set<Integer> connections = telegram.requests.stream()
                    .filter(r -> r.path().endsWith("/sendMessage"))
                    .map(dev.hearth.fakes.FakeHttp.Request::remotePort)
                    .collect(Collectors.toSet());
            assertEquals(
                    1, connections.size(), "one connection for the channel's and the bot's messages: " + connections);
        }
    }
}
