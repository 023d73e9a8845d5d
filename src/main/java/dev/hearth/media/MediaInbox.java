package dev.hearth.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.media.internal.HealthAlerts;
import dev.hearth.media.internal.WebhookNotices;
import dev.hearth.media.webhook.InvalidWebhookPayload;
import dev.hearth.media.webhook.MediaWebhookEvent;
import dev.hearth.media.webhook.MediaWebhooks;
import dev.hearth.media.webhook.WebhookSource;
import dev.hearth.notify.Notification;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.security.Tokens;
import dev.hearth.platform.web.ApiException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * What the media apps tell Hearth by webhook: each body becomes a typed {@link MediaWebhookEvent}, published on the
 * event bus (the outbox, in the action's transaction). Its listeners act on it: an *arr import is announced ("ready
 * to watch": Hearth leaves *arr downloads to the app's own import) and shown on the Media page, an *arr health
 * warning or error raises an alert and its recovery resolves it, an Overseerr/Seerr request is announced. Playback
 * progress ticks are answered and dropped (the media servers' sessions say the same, and a tick every few seconds
 * would fill the outbox).
 */
@Singleton
public class MediaInbox {
    private static final Logger LOG = Logger.getLogger(MediaInbox.class);

    private final MediaWebhooks parser;
    private final EventBus bus;
    private final ConfigService config;
    private final Clock clock;

    public MediaInbox(ObjectMapper json, EventBus bus, ConfigService config, Clock clock) {
        this.parser = new MediaWebhooks(json);
        this.bus = bus;
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

    /**
     * What a webhook call became: the event's kind, whether it went on the bus, the title of the notification it
     * will be announced with, and the key of the alert it raises or resolves.
     */
    public record Received(
            String source,
            String event,
            boolean published,
            @Nullable String notified,
            @Nullable String alert) {}

    public Received receive(WebhookSource source, @Nullable String contentType, String body) {
        MediaWebhookEvent event;
        try {
            event = parser.parse(source, contentType, body.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidWebhookPayload e) {
            throw ApiException.invalid("body", String.valueOf(e.getMessage()));
        }
        boolean publish = !(event instanceof MediaWebhookEvent.Playback p
                && p.action() == MediaWebhookEvent.Playback.Action.PROGRESS);
        if (publish) bus.publish(event);
        Notification n = WebhookNotices.notice(event, clock.instant());
        String alert = event instanceof MediaWebhookEvent.HealthChanged h && HealthAlerts.alerts(h)
                ? HealthAlerts.key(h)
                : null;
        LOG.debugf("Media webhook from %s: %s", source, event.getClass().getSimpleName());
        return new Received(
                source.name().toLowerCase(Locale.ROOT),
                event.getClass().getSimpleName(),
                publish,
                n == null ? null : n.title(),
                alert);
    }
}
