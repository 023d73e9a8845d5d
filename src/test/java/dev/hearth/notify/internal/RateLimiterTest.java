package dev.hearth.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.notify.RateRule;
import dev.hearth.notify.telegram.TelegramKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Telegram's limits as the sender applies them, on a fake timeline. */
class RateLimiterTest {
    private final RateLimiter telegram = new RateLimiter(new TelegramKind().limits());

    @Test
    void oneChatWaitsASecondAfterTheEndOfItsLastMessage() {
        telegram.sent("42", 1_000);
        assertEquals(2_000, telegram.readyAt("42", 1_100));
        assertEquals(1_100, telegram.readyAt("43", 1_100), "another chat is not held up");
    }

    @Test
    void aGroupGetsTwentyAMinute() {
        long t = 0;
        for (int i = 0; i < 20; i++) {
            t = telegram.readyAt("-100", t);
            telegram.sent("-100", t);
        }
        assertEquals(60_000 + 0, telegram.readyAt("-100", t), "the 21st waits for the first to leave the minute");
    }

    @Test
    void theBotSendsAtMost25ASecondOverall() {
        for (int i = 0; i < 25; i++) telegram.sent("chat" + i, 5_000 + i);
        assertEquals(6_000, telegram.readyAt("another", 5_030));
    }

    @Test
    void a429BlocksEveryChatUntilRetryAfter() {
        telegram.blockUntil(9_000);
        assertEquals(9_000, telegram.readyAt("1", 8_000));
        assertEquals(9_000, telegram.readyAt("2", 8_000));
    }

    @Test
    void withoutRulesEverythingGoesAtOnce() {
        RateLimiter free = new RateLimiter(List.<RateRule>of());
        free.sent("x", 10);
        assertEquals(11, free.readyAt("x", 11));
    }
}
