package dev.hearth.monitoring;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.RestartRequired;
import dev.hearth.platform.config.Validated;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code monitoring} section: collectors, history, alert rules and the seed's alert notification
 * settings ({@code monitoring.live} is the live hub's own section, in platform/live).
 */
public record MonitoringConfig(
        @RestartRequired Duration interval,
        History history,
        Thresholds thresholds,
        AlertRules alerts,
        AlertNotifications notifications,
        String latencyTarget)
        implements Validated {

    public record History(Duration raw, Duration minute, Duration hour) {}

    /** A metric's two lines; the metric is at a level from the moment it reaches the line. */
    public record Threshold(double warning, double critical) {}

    public record Thresholds(
            Threshold cpu,
            Threshold memory,
            Threshold disk,
            Threshold swap,
            Threshold temperature,
            Threshold latency) {}

    public record AlertRules(
            Duration forDuration,
            double hysteresis,
            Duration serviceDownFor,
            Duration diskFullWithin,
            Duration downloadCheckInterval,
            Duration retention) {}

    /**
     * The seed's notification settings, read when an alert is routed: {@code email} false keeps alerts off
     * e-mail channels, {@code desktop} false keeps the dashboard from showing them as desktop notifications.
     */
    public record AlertNotifications(boolean email, boolean desktop, String minLevel) {}

    @Override
    public void validate(Problems p) {
        p.check(
                interval != null && interval.toMillis() >= 1000 && interval.toMinutes() <= 5,
                "interval",
                "must be between 1s and 5m");
        p.positive(history.raw(), "history.raw");
        p.positive(history.minute(), "history.minute");
        p.positive(history.hour(), "history.hour");
        threshold(p, thresholds.cpu(), "cpu", 100);
        threshold(p, thresholds.memory(), "memory", 100);
        threshold(p, thresholds.disk(), "disk", 100);
        threshold(p, thresholds.swap(), "swap", 100);
        threshold(p, thresholds.temperature(), "temperature", 150);
        threshold(p, thresholds.latency(), "latency", 60_000);
        AlertRules a = alerts;
        p.check(a.forDuration() != null && !a.forDuration().isNegative(), "alerts.for_duration", "must be 0s or more");
        p.check(a.hysteresis() >= 0 && a.hysteresis() <= 50, "alerts.hysteresis", "must be between 0 and 50");
        p.check(
                a.serviceDownFor() != null && !a.serviceDownFor().isNegative(),
                "alerts.service_down_for",
                "must be 0s or more");
        p.positive(a.diskFullWithin(), "alerts.disk_full_within");
        p.positive(a.downloadCheckInterval(), "alerts.download_check_interval");
        p.positive(a.retention(), "alerts.retention");
        p.check(
                Set.of("info", "warning", "error", "critical").contains(notifications.minLevel()),
                "notifications.min_level",
                "must be info, warning, error or critical");
        p.check(
                latencyTarget.isEmpty() || latencyTarget.matches("[A-Za-z0-9.:\\[\\]-]+:\\d{1,5}"),
                "latency_target",
                "must be host:port (a TCP connect is timed), or empty");
    }

    private static void threshold(Problems p, Threshold t, String name, double max) {
        String key = "thresholds." + name;
        p.check(
                t.warning() >= 0 && t.critical() <= max,
                key,
                "warning and critical must be between 0 and " + (long) max);
        p.check(t.warning() <= t.critical(), key + ".warning", "must not be above critical (" + t.critical() + ")");
    }
}
