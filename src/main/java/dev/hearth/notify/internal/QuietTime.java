package dev.hearth.notify.internal;

import dev.hearth.notify.Level;
import dev.hearth.notify.QuietHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a message may go out under a channel's quiet hours: at once, or when the quiet period ends. */
public final class QuietTime {
    private QuietTime() {}

    public static Instant releaseAt(QuietHours quiet, Level level, Instant now) {
        if (!quiet.enabled() || level == Level.CRITICAL) return now;
        ZoneId zone = quiet.timezone().isEmpty() ? ZoneId.systemDefault() : ZoneId.of(quiet.timezone());
        LocalTime start = LocalTime.parse(quiet.start());
        LocalTime end = LocalTime.parse(quiet.end());
        if (start.equals(end)) return now;
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        if (start.isBefore(end)) {
            // e.g. 12:00–14:00, within one day
            return !t.isBefore(start) && t.isBefore(end)
                    ? ZonedDateTime.of(today, end, zone).toInstant()
                    : now;
        }
        // e.g. 22:00–07:00, across midnight
        if (!t.isBefore(start))
            return ZonedDateTime.of(today.plusDays(1), end, zone).toInstant();
        if (t.isBefore(end)) return ZonedDateTime.of(today, end, zone).toInstant();
        return now;
    }
}
