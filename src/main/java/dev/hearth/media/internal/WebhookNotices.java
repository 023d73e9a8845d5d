package dev.hearth.media.internal;

import dev.hearth.media.MediaItem;
import dev.hearth.media.webhook.MediaWebhookEvent;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The media webhook events a person wants to hear of, as notifications: an *arr import ("ready to watch": Hearth
 * leaves *arr downloads to the app's own import), an Overseerr/Seerr request, a health note below warning. A health
 * warning or error is an alert instead ({@link HealthAlerts}), which the alert routes announce; playback and the
 * senders' "Test" are not announced. Idempotent: a redelivered event has the same de-duplication key.
 */
@Singleton
public class WebhookNotices implements EventListener<MediaWebhookEvent> {
    private final NotificationService notifications;
    private final Clock clock;

    public WebhookNotices(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public Class<MediaWebhookEvent> type() {
        return MediaWebhookEvent.class;
    }

    @Override
    public void on(MediaWebhookEvent event) {
        Notification n = notice(event, clock.instant());
        if (n != null) notifications.notify(n);
    }

    /** The notification {@code event} becomes, if any. */
    public static @Nullable Notification notice(MediaWebhookEvent event, Instant at) {
        String app = event.origin().app();
        return switch (event) {
            case MediaWebhookEvent.Imported i -> {
                String titles = i.items().stream().map(MediaItem::displayTitle).collect(Collectors.joining(", "));
                yield new Notification(
                        Level.INFO,
                        "Ready to watch: " + titles,
                        titles + (i.upgrade() ? " was upgraded" : " was imported") + " by " + app
                                + (i.path().isBlank() ? "" : " into " + i.path()),
                        "media",
                        "media:imported:" + app + ":" + (i.downloadId().isBlank() ? titles : i.downloadId()),
                        at);
            }
            case MediaWebhookEvent.HealthChanged h
            when !HealthAlerts.alerts(h) && !h.restored() ->
                new Notification(
                        Level.INFO,
                        "Note from " + app + ": " + h.type(),
                        h.message() + (h.wikiUrl().isBlank() ? "" : " (" + h.wikiUrl() + ")"),
                        "media",
                        "media:health:" + app + ":" + h.type() + ":" + h.level(),
                        at);
            case MediaWebhookEvent.RequestNotification r
            when r.requestId() != null ->
                new Notification(
                        Level.INFO,
                        r.subject().isBlank() ? "Media request" : r.subject(),
                        r.message() + (r.requestedBy().isBlank() ? "" : " — requested by " + r.requestedBy()),
                        "media",
                        "media:request:" + r.requestId() + ":" + r.type(),
                        at);
            default -> null;
        };
    }
}
