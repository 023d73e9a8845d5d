package dev.hearth.monitoring;

import dev.hearth.monitoring.MonitoringConfig.Threshold;
import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;

/** Registers the {@code monitoring} section of hearth.yml (META-INF/services). */
public final class MonitoringSection implements ConfigSection<MonitoringConfig> {
    @Override
    public String key() {
        return "monitoring";
    }

    @Override
    public Class<MonitoringConfig> type() {
        return MonitoringConfig.class;
    }

    @Override
    public MonitoringConfig defaults() {
        return new MonitoringConfig(
                Duration.ofSeconds(5),
                new MonitoringConfig.History(Duration.ofHours(48), Duration.ofDays(14), Duration.ofDays(730)),
                new MonitoringConfig.Thresholds(
                        new Threshold(80, 90),
                        new Threshold(80, 90),
                        new Threshold(85, 95),
                        new Threshold(50, 80),
                        new Threshold(80, 90),
                        new Threshold(200, 1000)),
                new MonitoringConfig.AlertRules(
                        Duration.ofMinutes(1),
                        5,
                        Duration.ofMinutes(1),
                        Duration.ofHours(24),
                        Duration.ofMinutes(1),
                        Duration.ofDays(90)),
                new MonitoringConfig.AlertNotifications(true, true, "warning"),
                "");
    }
}
