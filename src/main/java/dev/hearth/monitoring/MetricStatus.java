package dev.hearth.monitoring;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The seed's per-metric status, read off the configured thresholds. */
public enum MetricStatus {
    HEALTHY,
    WARNING,
    CRITICAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MetricStatus of(double value, MonitoringConfig.Threshold t) {
        if (value >= t.critical()) return CRITICAL;
        if (value >= t.warning()) return WARNING;
        return HEALTHY;
    }
}
