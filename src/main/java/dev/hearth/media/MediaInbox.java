package dev.hearth.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.media.webhook.InvalidWebhookPayload;
import dev.hearth.media.webhook.MediaWebhookEvent;
import dev.hearth.media.webhook.MediaWebhooks;
import dev.hearth.media.webhook.WebhookSource;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Tokens;
import dev.hearth.platform.web.ApiException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * What the media apps tell Hearth by webhook: each body becomes a typed {@link MediaWebhookEvent}, and the ones a
 * person wants to hear of become notifications: an *arr import ("ready to watch": Hearth leaves *arr downloads
 * to the app's own import), an *arr health problem and its recovery, an Overseerr/Seerr request. Playback and
 * the senders' "Test" are taken and answered, not announced.
 */
@Singleton
public class MediaInbox {
    private static final Logger LOG = Logger.getLogger(MediaInbox.class);

    private final MediaWebhooks parser;
    private final NotificationService notifications;
    private final ConfigService config;
    private final Clock clock;

    public MediaInbox(ObjectMapper json, NotificationService notifications, ConfigService config, Clock clock) {
        this.parser = new MediaWebhooks(json);
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
    }

    public static WebhookSource source(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "sonarr", "radarr", "arr" -> WebhookSource.ARR;
            case "overseerr", "seerr", "jellyseerr" -> WebhookSource.OVERSEERR;
            case "plex" -> WebhookSource.PLEX;
            case "jellyfin", "emby" -> WebhookSource.JELLYFIN;
            default ->
                throw ApiException.invalid("source", "must be sonarr, radarr, overseerr, seerr, plex or jellyfin");
        };
    }

    /** True only when the source has a secret configured and {@code presented} is it (compared in constant time). */
    public boolean secretMatches(WebhookSource source, @Nullable String presented) {
        String secret = config.current().section(MediaConfig.class).webhooks().of(source);
        if (secret.isEmpty() || presented == null || presented.isBlank()) return false;
        return Tokens.constantTimeEquals(Tokens.sha256(presented.strip()), Tokens.sha256(secret));
    }

    /** What a webhook call became: the event's kind and, when it was announced, the notification's title. */
    public record Received(
            String source, String event, @Nullable String notified) {}

    public Received receive(WebhookSource source, @Nullable String contentType, String body) {
        MediaWebhookEvent event;
        try {
            event = parser.parse(source, contentType, body.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidWebhookPayload e) {
            throw ApiException.invalid("body", String.valueOf(e.getMessage()));
        }
        Notification n = announce(event);
        if (n != null) notifications.notify(n);
        LOG.debugf("Media webhook from %s: %s", source, event.getClass().getSimpleName());
        return new Received(
                source.name().toLowerCase(Locale.ROOT), event.getClass().getSimpleName(), n == null ? null : n.title());
    }

    private @Nullable Notification announce(MediaWebhookEvent event) {
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
                        clock.instant());
            }
            case MediaWebhookEvent.HealthChanged h ->
                new Notification(
                        h.restored() ? Level.INFO : "error".equalsIgnoreCase(h.level()) ? Level.ERROR : Level.WARNING,
                        (h.restored() ? "Resolved on " : "Problem on ") + app + ": " + h.type(),
                        h.message() + (h.wikiUrl().isBlank() ? "" : " (" + h.wikiUrl() + ")"),
                        "media",
                        "media:health:" + app + ":" + h.type() + ":" + h.restored(),
                        clock.instant());
            case MediaWebhookEvent.RequestNotification r
            when r.requestId() != null ->
                new Notification(
                        Level.INFO,
                        r.subject().isBlank() ? "Media request" : r.subject(),
                        r.message() + (r.requestedBy().isBlank() ? "" : " — requested by " + r.requestedBy()),
                        "media",
                        "media:request:" + r.requestId() + ":" + r.type(),
                        clock.instant());
            default -> null;
        };
    }
}
