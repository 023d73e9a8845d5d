package dev.hearth.dns.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.dns.DnsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client-side limit: a sliding window of N calls, a wait when the next slot comes in time, and a block after a 429. */
class RequestBudgetTest {
    /** A clock the sleeper moves: waiting costs no real time. */
    static final class Manual extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        final List<Duration> slept = new ArrayList<>();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void sleep(Duration d) {
            slept.add(d);
            now = now.plus(d);
        }
    }

    @Test
    void theCallPastTheBudgetWaitsForTheOldestToLeaveTheWindow() {
        Manual clock = new Manual();
        RequestBudget budget = new RequestBudget(3, Duration.ofMinutes(5), clock, clock::sleep);
        budget.acquire(Duration.ofMinutes(10));
        clock.now = clock.now.plusSeconds(60);
        budget.acquire(Duration.ofMinutes(10));
        budget.acquire(Duration.ofMinutes(10));
        assertEquals(List.of(), clock.slept);
        budget.acquire(Duration.ofMinutes(10));
        assertEquals(1, clock.slept.size());
        assertEquals(
                Duration.ofSeconds(240).plusMillis(1),
                clock.slept.getFirst(),
                "until the first call is five minutes old");
        assertEquals(3, budget.used());
    }

    @Test
    void aCallThatWouldWaitLongerThanItMayFailsAtOnceSayingWhen() {
        Manual clock = new Manual();
        RequestBudget budget = new RequestBudget(2, Duration.ofMinutes(5), clock, clock::sleep);
        budget.acquire(Duration.ofSeconds(10));
        budget.acquire(Duration.ofSeconds(10));
        DnsException e = assertThrows(DnsException.class, () -> budget.acquire(Duration.ofSeconds(10)));
        assertEquals(DnsException.Kind.RATE_LIMITED, e.kind());
        assertEquals(300, e.retryAfterSeconds());
        assertEquals(List.of(), clock.slept, "no waiting for a slot that cannot come in time");
    }

    @Test
    void afterA429NoCallIsMadeUntilRetryAfterHasPassed() {
        Manual clock = new Manual();
        RequestBudget budget = new RequestBudget(1200, Duration.ofMinutes(5), clock, clock::sleep);
        budget.block(Duration.ofSeconds(300));
        DnsException e = assertThrows(DnsException.class, () -> budget.acquire(Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("300 s"), e.getMessage());
        clock.now = clock.now.plusSeconds(300);
        budget.acquire(Duration.ofSeconds(1));
        assertEquals(1, budget.used());
    }
}
