package dev.hearth.notify.routes;

import dev.hearth.monitoring.AlertRaised;
import dev.hearth.monitoring.AlertResolved;
import dev.hearth.monitoring.MonitoringConfig;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;

/**
 * Alerts to the channels. The seed's {@code notifications.minLevel} (config
 * {@code monitoring.notifications.min_level}) is the floor for alerts; each channel's own
 * {@code min_level} applies after it. Keys carry the alert id and level, so a redelivered event collapses.
 */
public final class AlertRoutes {
    private AlertRoutes() {}

    static Level level(dev.hearth.monitoring.AlertLevel level) {
        return Level.valueOf(level.name());
    }

    static boolean admitted(ConfigService config, Level level) {
        return Level.find(settings(config).minLevel()).map(level::atLeast).orElse(true);
    }

    /** The seed's {@code notifications.email}: false keeps alerts off e-mail channels. */
    static java.util.function.Predicate<String> channelTypes(ConfigService config) {
        boolean email = settings(config).email();
        return type -> email || !type.equals("email");
    }

    private static MonitoringConfig.AlertNotifications settings(ConfigService config) {
        return config.current().section(MonitoringConfig.class).notifications();
    }

    @Singleton
    public static class Raised implements EventListener<AlertRaised> {
        private final NotificationService notifications;
        private final ConfigService config;

        public Raised(NotificationService notifications, ConfigService config) {
            this.notifications = notifications;
            this.config = config;
        }

        @Override
        public Class<AlertRaised> type() {
            return AlertRaised.class;
        }

        @Override
        public void on(AlertRaised e) {
            Level level = level(e.level());
            if (!admitted(config, level)) return;
            String title =
                    (e.escalated() ? "Alert worse: " : "Alert: ") + e.level().id();
            notifications.notify(
                    new Notification(
                            level,
                            title,
                            e.message(),
                            e.source(),
                            "alert:" + e.id() + ":" + e.level().id(),
                            e.at()),
                    channelTypes(config));
        }
    }

    @Singleton
    public static class Resolved implements EventListener<AlertResolved> {
        private final NotificationService notifications;
        private final ConfigService config;

        public Resolved(NotificationService notifications, ConfigService config) {
            this.notifications = notifications;
            this.config = config;
        }

        @Override
        public Class<AlertResolved> type() {
            return AlertResolved.class;
        }

        @Override
        public void on(AlertResolved e) {
            if (!admitted(config, level(e.level()))) return;
            notifications.notify(
                    new Notification(
                            Level.INFO,
                            "Resolved: " + e.level().id(),
                            e.message() + " (" + e.resolvedBy() + ")",
                            e.source(),
                            "alert:" + e.id() + ":resolved",
                            e.at()),
                    channelTypes(config));
        }
    }
}
