package dev.hearth.notify;

/** Non-critical messages wait until {@code end}; empty start and end mean no quiet hours. */
public record QuietHours(String start, String end, String timezone) {
    public QuietHours {
        start = start == null ? "" : start;
        end = end == null ? "" : end;
        timezone = timezone == null ? "" : timezone;
    }

    public boolean enabled() {
        return !start.isEmpty() && !end.isEmpty();
    }
}
