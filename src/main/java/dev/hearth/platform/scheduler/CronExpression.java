package dev.hearth.platform.scheduler;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A classic five-field cron expression ({@code minute hour day-of-month month day-of-week}), as crontab(5)
 * writes it: {@code *}, lists {@code 1,15}, ranges {@code 1-5}, steps {@code *&#47;10} and {@code 8-18/2}, month and
 * day names ({@code JAN}, {@code MON}), 0 or 7 for Sunday, and the macros {@code @hourly}, {@code @daily} (or
 * {@code @midnight}), {@code @weekly}, {@code @monthly}, {@code @yearly} (or {@code @annually}). As in Vixie cron,
 * when both day fields are restricted a day matches if either does.
 */
public final class CronExpression {
    private static final Map<String, String> MACROS = Map.of(
            "@hourly",
            "0 * * * *",
            "@daily",
            "0 0 * * *",
            "@midnight",
            "0 0 * * *",
            "@weekly",
            "0 0 * * 0",
            "@monthly",
            "0 0 1 * *",
            "@yearly",
            "0 0 1 1 *",
            "@annually",
            "0 0 1 1 *");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Four years and a day: every combination that can match at all matches within it (29 February included). */
    private static final long SEARCH_DAYS = 4 * 366 + 1;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, String[] f) {
        this.text = text;
        this.minutes = field(f[0], 0, 59, List.of(), "minute");
        this.hours = field(f[1], 0, 23, List.of(), "hour");
        this.daysOfMonth = field(f[2], 1, 31, List.of(), "day of month");
        this.months = field(f[3], 1, 12, MONTHS, "month");
        BitSet dow = field(f[4], 0, 7, DAYS, "day of week");
        if (dow.get(7)) dow.set(0);
        this.daysOfWeek = dow;
        this.anyDayOfMonth = f[2].startsWith("*");
        this.anyDayOfWeek = f[4].startsWith("*");
    }

    /** @throws IllegalArgumentException naming what is wrong, in words a person can act on */
    public static CronExpression parse(String expression) {
        String trimmed = expression.trim();
        String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("'" + expression + "' is not a cron expression: it needs five fields "
                    + "(minute hour day-of-month month day-of-week), e.g. '30 2 * * *' for 02:30 every day");
        }
        CronExpression cron = new CronExpression(trimmed, fields);
        if (cron.next(ZonedDateTime.parse("2000-01-01T00:00Z")).isEmpty()) {
            throw new IllegalArgumentException("'" + expression + "' never matches a real date");
        }
        return cron;
    }

    /** The first whole minute strictly after {@code after} (in its zone) that the expression matches. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusDays(SEARCH_DAYS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(
                t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        if (anyDayOfMonth && anyDayOfWeek) return true;
        if (anyDayOfMonth) return dow;
        if (anyDayOfWeek) return dom;
        return dom || dow;
    }

    private static BitSet field(String spec, int min, int max, List<String> names, String what) {
        BitSet set = new BitSet(max + 1);
        for (String part : spec.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max, List.of(), what, part);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) throw bad(what, part);
                from = number(ends[0], min, max, names, what, part);
                to = number(ends[1], min, max, names, what, part);
                if (from > to) throw new IllegalArgumentException(what + ": '" + part + "' runs backwards");
            } else {
                from = number(range, min, max, names, what, part);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) set.set(v);
        }
        return set;
    }

    private static int number(String text, int min, int max, List<String> names, String what, String part) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) return named + (names.size() == 12 ? 1 : 0);
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max)
                throw new IllegalArgumentException(what + ": " + v + " is outside " + min + "-" + max);
            return v;
        } catch (NumberFormatException e) {
            throw bad(what, part);
        }
    }

    private static IllegalArgumentException bad(String what, String part) {
        return new IllegalArgumentException(what + ": '" + part + "' is not a number, range, list or step");
    }

    @Override
    public String toString() {
        return text;
    }
}
