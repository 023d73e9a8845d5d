package dev.hearth.monitoring.alerts;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A yes/no condition (a service is down) that must hold for a duration before it fires; it clears at once. */
public final class ConditionRule {
    private boolean firing;
    private @Nullable Instant since;

    /** True on the evaluation that starts firing; {@link #cleared} tells the end. */
    public boolean fires(boolean condition, Duration forDuration, Instant now) {
        if (!condition) {
            since = null;
            return false;
        }
        if (firing) return false;
        if (since == null) since = now;
        if (Duration.between(since, now).compareTo(forDuration) >= 0) {
            firing = true;
            return true;
        }
        return false;
    }

    /** True on the evaluation where a firing condition no longer holds. */
    public boolean cleared(boolean condition) {
        if (firing && !condition) {
            firing = false;
            return true;
        }
        return false;
    }

    public boolean firing() {
        return firing;
    }
}
