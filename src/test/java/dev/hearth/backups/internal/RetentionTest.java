package dev.hearth.backups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** keep_daily / keep_weekly as restic counts them: the newest per day or week that has one. */
class RetentionTest {
    /** One backup at 02:30 every day for 40 days from 2026-01-01 (a Thursday), ids 1..40. */
    static List<Retention.Candidate> daily(int days) {
        List<Retention.Candidate> out = new ArrayList<>();
        for (int i = 0; i < days; i++)
            out.add(new Retention.Candidate(
                    i + 1, Instant.parse("2026-01-01T02:30:00Z").plusSeconds(86_400L * i)));
        return out;
    }

    static Set<Long> kept(List<Retention.Candidate> all, int d, int w) {
        Set<Long> doomed = Retention.toDelete(all, d, w, ZoneOffset.UTC);
        Set<Long> kept = new TreeSet<>();
        all.forEach(c -> {
            if (!doomed.contains(c.id())) kept.add(c.id());
        });
        return kept;
    }

    @Test
    void theLastSevenDaysAndTheNewestOfEachOfFourWeeksAreKept() {
        // day 40 = 2026-02-09 (Monday). Weeks (ISO): W07 starts 02-09 (id 40), W06 ends 02-08 (id 39), W05 ends 02-01
        // (id 32), W04 ends 01-25 (id 25)
        assertEquals(Set.of(34L, 35L, 36L, 37L, 38L, 39L, 40L, 32L, 25L), kept(daily(40), 7, 4));
    }

    @Test
    void twoOnOneDayKeepOnlyTheNewerAndMissingDaysDoNotUseASlot() {
        List<Retention.Candidate> c = List.of(
                new Retention.Candidate(1, Instant.parse("2026-01-01T02:30:00Z")),
                new Retention.Candidate(2, Instant.parse("2026-01-10T02:30:00Z")),
                new Retention.Candidate(3, Instant.parse("2026-01-10T14:00:00Z")));
        assertEquals(Set.of(1L, 3L), kept(c, 2, 0));
    }

    @Test
    void zeroDailyKeepsWeekliesOnly() {
        assertEquals(Set.of(40L, 39L), kept(daily(40), 0, 2));
    }
}
