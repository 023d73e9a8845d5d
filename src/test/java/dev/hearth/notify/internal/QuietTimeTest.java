package dev.hearth.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.notify.Level;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietTimeTest {
    private static final dev.hearth.notify.QuietHours NIGHT =
            new dev.hearth.notify.QuietHours("22:00", "07:00", "Europe/Berlin");

    @Test
    void beforeMidnightWaitsForTheMorningOfTheNextDay() {
        // 22:30 in Berlin (CET, UTC+1)
        assertEquals(
                Instant.parse("2026-11-24T06:00:00Z"),
                QuietTime.releaseAt(NIGHT, Level.WARNING, Instant.parse("2026-11-23T21:30:00Z")));
    }

    @Test
    void afterMidnightWaitsForTheSameMorning() {
        assertEquals(
                Instant.parse("2026-11-24T06:00:00Z"),
                QuietTime.releaseAt(NIGHT, Level.ERROR, Instant.parse("2026-11-24T02:00:00Z")));
    }

    @Test
    void daytimeAndCriticalGoAtOnce() {
        Instant noon = Instant.parse("2026-11-24T11:00:00Z");
        assertEquals(noon, QuietTime.releaseAt(NIGHT, Level.INFO, noon));
        Instant night = Instant.parse("2026-11-24T02:00:00Z");
        assertEquals(night, QuietTime.releaseAt(NIGHT, Level.CRITICAL, night));
    }

    @Test
    void aPeriodWithinOneDayAndTheEndOfSummerTime() {
        dev.hearth.notify.QuietHours lunch = new dev.hearth.notify.QuietHours("12:00", "14:00", "Europe/Berlin");
        assertEquals(
                Instant.parse("2026-11-24T13:00:00Z"),
                QuietTime.releaseAt(lunch, Level.INFO, Instant.parse("2026-11-24T11:30:00Z")));
        // The night summer time ends (25 Oct 2026): 07:00 CET is 06:00 UTC, not 05:00.
        assertEquals(
                Instant.parse("2026-10-25T06:00:00Z"),
                QuietTime.releaseAt(NIGHT, Level.INFO, Instant.parse("2026-10-24T21:00:00Z")));
    }
}
