package dev.hearth.platform.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** crontab(5) semantics: the next time a schedule fires, and a mistake named in words. */
class CronExpressionTest {
    static ZonedDateTime next(String cron, String after) {
        return CronExpression.parse(cron).next(ZonedDateTime.parse(after)).orElseThrow();
    }

    @Test
    void aDailyScheduleFiresAtItsMinuteTodayOrTomorrow() {
        assertEquals(ZonedDateTime.parse("2026-02-06T02:30Z"), next("30 2 * * *", "2026-02-06T01:00Z"));
        assertEquals(
                ZonedDateTime.parse("2026-02-07T02:30Z"), next("30 2 * * *", "2026-02-06T02:30Z"), "strictly after");
        assertEquals(ZonedDateTime.parse("2026-02-07T00:00Z"), next("@daily", "2026-02-06T13:14:15Z"));
    }

    @Test
    void stepsRangesListsAndNamesWork() {
        assertEquals(ZonedDateTime.parse("2026-02-06T10:15Z"), next("*/15 * * * *", "2026-02-06T10:01Z"));
        assertEquals(ZonedDateTime.parse("2026-02-06T12:00Z"), next("0 8-18/2 * * *", "2026-02-06T10:00Z"));
        assertEquals(
                ZonedDateTime.parse("2026-02-09T03:00Z"),
                next("0 3 * * MON,thu", "2026-02-06T04:00Z"),
                "Friday → Monday");
        assertEquals(ZonedDateTime.parse("2026-03-01T00:00Z"), next("0 0 1 MAR *", "2026-02-06T04:00Z"));
        assertEquals(
                ZonedDateTime.parse("2026-02-08T00:00Z"), next("0 0 * * 7", "2026-02-06T04:00Z"), "7 is Sunday too");
    }

    @Test
    void withBothDayFieldsSetEitherMatches() {
        // the 13th, or any Friday: Friday 6 February comes first
        assertEquals(ZonedDateTime.parse("2026-02-06T00:00Z"), next("0 0 13 * 5", "2026-02-05T12:00Z"));
    }

    @Test
    void theTwentyNinthOfFebruaryIsFoundInALeapYear() {
        assertEquals(ZonedDateTime.parse("2028-02-29T00:00Z"), next("0 0 29 2 *", "2026-03-01T00:00Z"));
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("30 2 * *"))
                .getMessage()
                .contains("five fields"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("61 * * * *"))
                .getMessage()
                .contains("minute: 61"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 31 2 *"))
                .getMessage()
                .contains("never matches"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 * * FUN"))
                .getMessage()
                .contains("day of week"));
    }
}
