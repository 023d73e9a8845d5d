package dev.hearth.backups.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which scheduled backups to keep: the newest of each of the last {@code keepDaily} days that have one, and
 * the newest of each of the last {@code keepWeekly} ISO weeks that have one (restic's "keep daily/weekly");
 * everything else goes. A day with no backup does not use up a slot, so a week of downtime keeps old ones.
 */
public final class Retention {
    public record Candidate(long id, Instant createdAt) {}

    private Retention() {}

    public static Set<Long> toDelete(List<Candidate> scheduled, int keepDaily, int keepWeekly, ZoneId zone) {
        List<Candidate> newestFirst = scheduled.stream()
                .sorted(Comparator.comparing(Candidate::createdAt).reversed())
                .toList();
        Set<Long> keep = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        Set<String> weeks = new HashSet<>();
        for (Candidate c : newestFirst) {
            LocalDate day = c.createdAt().atZone(zone).toLocalDate();
            if (days.size() < keepDaily && days.add(day)) keep.add(c.id());
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (weeks.size() < keepWeekly && weeks.add(week)) keep.add(c.id());
        }
        Set<Long> delete = new HashSet<>();
        for (Candidate c : newestFirst) if (!keep.contains(c.id())) delete.add(c.id());
        return delete;
    }
}
