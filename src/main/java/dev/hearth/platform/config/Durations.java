package dev.hearth.platform.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them ({@code 30s}, {@code 15m}, {@code 1h30m}, {@code 7d}) and as Hearth shows them. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    public static Duration parse(String text) {
        String t = text.trim();
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) break;
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 15m, 1h30m or 7d");
        }
        return total;
    }

    /** Compact form used in config answers: {@code 1h30m}, {@code 7d}, {@code 500ms}. */
    public static String format(Duration d) {
        if (d.isZero()) return "0s";
        if (d.toMillisPart() != 0 && d.toSeconds() == 0) return d.toMillis() + "ms";
        StringBuilder b = new StringBuilder();
        if (d.toDaysPart() > 0) b.append(d.toDaysPart()).append('d');
        if (d.toHoursPart() > 0) b.append(d.toHoursPart()).append('h');
        if (d.toMinutesPart() > 0) b.append(d.toMinutesPart()).append('m');
        if (d.toSecondsPart() > 0) b.append(d.toSecondsPart()).append('s');
        return b.toString();
    }

    /** The seeds' uptime form: {@code "10d 4h 30m"}. */
    public static String human(Duration d) {
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        return days > 0
                ? days + "d " + hours + "h " + minutes + "m"
                : hours > 0 ? hours + "h " + minutes + "m" : minutes + "m " + d.toSecondsPart() + "s";
    }
}
