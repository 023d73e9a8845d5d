package dev.hearth.media.webhook;

import dev.hearth.media.Availability;
import dev.hearth.media.MediaItem;
import dev.hearth.media.RequestedMedia;
import dev.hearth.platform.events.HearthEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every event a media webhook can become. Unknown event names are kept as {@link Unhandled}, never dropped silently.
 * Each is published on the event bus as it is (a record per event), so alerts, notifications and the dashboard
 * listen for the one type they act on.
 */
public sealed interface MediaWebhookEvent extends HearthEvent {

    /** Where the event came from: the app (sonarr, radarr, plex, jellyfin, overseerr...) and its instance or server name. */
    record Origin(String app, String instance) {}

    Origin origin();

    /** Sonarr/Radarr grabbed a release and handed it to a download client. */
    record Grabbed(
            Origin origin,
            List<MediaItem> items,
            String release,
            String indexer,
            String quality,
            long size,
            String downloadClient,
            String downloadId)
            implements MediaWebhookEvent {
        public Grabbed {
            items = List.copyOf(items);
        }
    }

    /** Sonarr/Radarr imported a finished download into the library ("Download" in their words). */
    record Imported(
            Origin origin,
            List<MediaItem> items,
            String path,
            boolean upgrade,
            String downloadClient,
            String downloadId)
            implements MediaWebhookEvent {
        public Imported {
            items = List.copyOf(items);
        }
    }

    /** A health check of the app failed ({@code level} warning or error) or recovered. */
    record HealthChanged(Origin origin, boolean restored, String level, String type, String message, String wikiUrl)
            implements MediaWebhookEvent {}

    /** The "Test" button of the sender's webhook settings. */
    record Test(Origin origin) implements MediaWebhookEvent {}

    /** An Overseerr/Seerr notification; {@code media} and {@code requestId} are absent for issue and test notifications. */
    record RequestNotification(
            Origin origin,
            String type,
            String subject,
            String message,
            @Nullable RequestedMedia media,
            @Nullable Long tmdbId,
            Availability availability,
            @Nullable Integer requestId,
            String requestedBy)
            implements MediaWebhookEvent {}

    /** Someone started, paused, resumed, stopped or finished playing something on Plex or Jellyfin. */
    record Playback(Origin origin, Action action, String user, String player, MediaItem item)
            implements MediaWebhookEvent {
        public enum Action {
            PLAY,
            PAUSE,
            RESUME,
            STOP,
            FINISHED,
            PROGRESS
        }
    }

    /** Something new arrived in a library of Plex or Jellyfin. */
    record LibraryItemAdded(Origin origin, MediaItem item, String library) implements MediaWebhookEvent {}

    /** An event Hearth does not act on (yet); kept with its name so it can be counted and shown. */
    record Unhandled(Origin origin, String event) implements MediaWebhookEvent {}
}
