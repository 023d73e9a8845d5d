package dev.hearth.monitoring.history;

import dev.hearth.monitoring.MonitoringConfig;
import java.time.Duration;

/** The rollup tiers of DESIGN.md section 6: raw samples, 1-minute and 1-hour averages, each with its own retention. */
enum Tier {
    RAW(0),
    MINUTE(1),
    HOUR(2);

    final int id;

    Tier(int id) {
        this.id = id;
    }

    /** The width of one row; raw rows are one sample wide. */
    Duration bucket(Duration interval) {
        return switch (this) {
            case RAW -> interval;
            case MINUTE -> Duration.ofMinutes(1);
            case HOUR -> Duration.ofHours(1);
        };
    }

    Duration retention(MonitoringConfig.History h) {
        return switch (this) {
            case RAW -> h.raw();
            case MINUTE -> h.minute();
            case HOUR -> h.hour();
        };
    }
}
