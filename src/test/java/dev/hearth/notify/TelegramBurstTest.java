package dev.hearth.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.FakeTelegram;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one slow test (about 70 s by nature: 200 messages over three chats at one a second each). Three
 * channels on one bot, one chat each, fed by source; the sender is stopped in the middle and a new one built on
 * the same database, as after a restart.
 */
class TelegramBurstTest {
    private static final String TOKEN = "123456:burst-token_ABC";
    private static final List<String> CHATS = List.of("1001", "1002", "1003");
    private static final Pattern ID = Pattern.compile("burst-(\\d+)");

    @Test
    void aBurstOf200ToThreeChatsIsDeliveredOnceEachAtOneASecondPerChatAcrossARestart(@TempDir Path dir)
            throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(TOKEN, Set.copyOf(CHATS));
                HttpStack http = new HttpStack(Channels.JSON, Clock.systemUTC())) {
            dev.hearth.notify.ChannelConfig[] channels = CHATS.stream()
                    .map(chat -> Channels.of(
                            "chat-" + chat,
                            "telegram",
                            "info",
                            List.of("burst-" + chat),
                            null,
                            new dev.hearth.notify.telegram.TelegramSettings(TOKEN, List.of(chat), telegram.url())))
                    .toArray(dev.hearth.notify.ChannelConfig[]::new);

            NotificationService first = Channels.service(
                    new Database(TestConfig.sqlite(dir)), http, Clock.systemUTC(), Duration.ofMinutes(5), channels);
            first.start();
            for (int i = 0; i < 200; i++) {
                String chat = CHATS.get(i % 3);
                // Reserved characters in every message: the double refuses any that is not escaped.
                first.notify(new Notification(
                        Level.WARNING,
                        "Disk 90% full (burst-" + i + ")",
                        "free: 1.5 GB! [/srv]",
                        "burst-" + chat,
                        "burst-" + i,
                        Instant.now()));
            }
            waitFor(() -> telegram.messages.size() >= 60, Duration.ofSeconds(60));
            first.stop(); // "restart": the old sender is gone mid-burst
            int beforeRestart = telegram.messages.size();

            NotificationService second = Channels.service(
                    new Database(TestConfig.sqlite(dir)), http, Clock.systemUTC(), Duration.ofMinutes(5), channels);
            second.start();
            try {
                waitFor(() -> telegram.messages.size() >= 200, Duration.ofSeconds(90));
                Thread.sleep(1500); // anything sent twice would arrive now
            } finally {
                second.stop();
            }

            assertTrue(
                    beforeRestart >= 60 && beforeRestart < 200, "restart happened mid-burst, after " + beforeRestart);
            Map<Integer, Long> copies = telegram.messages.stream()
                    .map(m -> id(m.text()))
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            assertEquals(200, copies.size(), "every notification delivered");
            assertTrue(copies.values().stream().allMatch(c -> c == 1), "none delivered twice: " + copies);
            assertTrue(telegram.refusals.isEmpty(), "the double refused: " + telegram.refusals);
            for (String chat : CHATS) {
                List<FakeTelegram.Message> seen = telegram.messagesTo(chat);
                for (int k = 1; k < seen.size(); k++) {
                    long gap = seen.get(k).arrivedAtMs() - seen.get(k - 1).arrivedAtMs();
                    assertTrue(
                            gap >= 1000,
                            "chat " + chat + ": message " + k + " came " + gap + " ms after the one before");
                }
            }
            assertEquals(Map.of(), telegram.throttled, "no 429 was needed: the sender kept the pace itself");
        }
    }

    private static int id(String text) {
        Matcher m = ID.matcher(text);
        if (!m.find()) throw new AssertionError("no burst id in " + text);
        return Integer.parseInt(m.group(1));
    }

    static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + timeout);
            Thread.sleep(50);
        }
    }
}
