package dev.hearth.media.internal;

import dev.hearth.media.webhook.MediaWebhookEvent;
import dev.hearth.monitoring.AlertLevel;
import dev.hearth.monitoring.AlertService;
import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An *arr app's health check, told by its Connect webhook: a warning or an error raises an alert (source
 * {@code media}, one per app instance and check), and the app's HealthRestored resolves it. The alert routes then
 * tell the channels, so a health problem is announced once, as an alert. Idempotent: the alert key is per check,
 * and raising an open alert again keeps it.
 */
@Singleton
public class HealthAlerts implements EventListener<MediaWebhookEvent.HealthChanged> {
    public static final String SOURCE = "media";

    private final AlertService alerts;

    public HealthAlerts(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public Class<MediaWebhookEvent.HealthChanged> type() {
        return MediaWebhookEvent.HealthChanged.class;
    }

    /** Sonarr and Radarr say ok, notice, warning or error; the last two are worth an alert. */
    static Optional<AlertLevel> level(MediaWebhookEvent.HealthChanged h) {
        return switch (h.level()) {
            case "error" -> Optional.of(AlertLevel.ERROR);
            case "warning" -> Optional.of(AlertLevel.WARNING);
            default -> Optional.empty();
        };
    }

    /** True when the event raises or resolves an alert (a recovery may resolve one of either level). */
    public static boolean alerts(MediaWebhookEvent.HealthChanged h) {
        return h.restored() || level(h).isPresent();
    }

    /** The condition's key: one open alert per app instance and health check. */
    public static String key(MediaWebhookEvent.HealthChanged h) {
        return "media-health:" + h.origin().app() + ":" + h.origin().instance() + ":" + h.type();
    }

    @Override
    public void on(MediaWebhookEvent.HealthChanged h) {
        String key = key(h);
        if (h.restored()) {
            alerts.resolve(key, h.origin().instance() + " reported it restored");
            return;
        }
        Optional<AlertLevel> level = level(h);
        if (level.isEmpty()) return;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("app", h.origin().app());
        details.put("instance", h.origin().instance());
        details.put("check", h.type());
        if (!h.wikiUrl().isBlank()) details.put("wiki_url", h.wikiUrl());
        alerts.raise(key, level.get(), SOURCE, h.origin().instance() + ": " + h.message(), details);
    }
}
