package dev.hearth.monitoring.alerts;

import dev.hearth.monitoring.AlertLevel;
import dev.hearth.monitoring.MonitoringConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A metric against its warning and critical lines. Rising to a level takes the value staying at or above
 * its line for the "for" duration (a spike raises nothing); falling takes the value dropping below the
 * line by the hysteresis (a value hovering at the line raises one alert, not fifty). Pure: time comes in.
 */
public final class ThresholdRule {
    private int firing;
    private @Nullable Instant pendingSince;

    public Optional<Transition> evaluate(
            double value, MonitoringConfig.Threshold t, Duration forDuration, double hysteresis, Instant now) {
        // lines a firing level holds on to are lowered by the hysteresis
        double warnLine = firing >= 1 ? t.warning() - hysteresis : t.warning();
        double critLine = firing >= 2 ? t.critical() - hysteresis : t.critical();
        int target = value >= critLine ? 2 : value >= warnLine ? 1 : 0;
        if (target > firing) {
            if (pendingSince == null) pendingSince = now;
            if (Duration.between(pendingSince, now).compareTo(forDuration) < 0) return Optional.empty();
            int before = firing;
            firing = target;
            pendingSince = null;
            return Optional.of(
                    before == 0 ? new Transition.Raise(level(target)) : new Transition.Change(level(target)));
        }
        pendingSince = null;
        if (target < firing) {
            firing = target;
            return Optional.of(target == 0 ? new Transition.Clear() : new Transition.Change(level(target)));
        }
        return Optional.empty();
    }

    public boolean firing() {
        return firing > 0;
    }

    private static AlertLevel level(int rank) {
        return rank == 2 ? AlertLevel.CRITICAL : AlertLevel.WARNING;
    }
}
