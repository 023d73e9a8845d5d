package dev.hearth.media.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaType;
import dev.hearth.media.clients.Json;
import dev.hearth.media.webhook.MediaWebhookEvent.Origin;
import dev.hearth.media.webhook.MediaWebhookEvent.Playback.Action;
import org.jspecify.annotations.Nullable;

/**
 * Plex's webhook payload: {@code event} (media.play, media.pause, media.resume, media.stop,
 * media.scrobble, library.new, ...), {@code Account}, {@code Server}, {@code Player} and
 * {@code Metadata} as in Plex's own API.
 */
final class PlexPayloads {

    private PlexPayloads() {}

    static MediaWebhookEvent parse(JsonNode p) {
        String event = Json.text(p, "event");
        if (event.isEmpty()) throw new InvalidWebhookPayload("no event: not a Plex webhook payload");
        Origin origin = new Origin("plex", Json.text(p.path("Server"), "title"));
        JsonNode m = p.path("Metadata");
        @Nullable
        Action action = switch (event) {
            case "media.play" -> Action.PLAY;
            case "media.pause" -> Action.PAUSE;
            case "media.resume" -> Action.RESUME;
            case "media.stop" -> Action.STOP;
            case "media.scrobble" -> Action.FINISHED;
            default -> null;
        };
        if (action != null) {
            return new MediaWebhookEvent.Playback(
                    origin,
                    action,
                    Json.text(p.path("Account"), "title"),
                    Json.text(p.path("Player"), "title"),
                    item(m));
        }
        if (event.equals("library.new")) {
            return new MediaWebhookEvent.LibraryItemAdded(origin, item(m), Json.text(m, "librarySectionTitle"));
        }
        return new MediaWebhookEvent.Unhandled(origin, event);
    }

    private static MediaItem item(JsonNode m) {
        return switch (Json.text(m, "type")) {
            case "movie" -> MediaItem.movie(Json.text(m, "title"), Json.integerOrNull(m, "year"));
            case "episode" ->
                new MediaItem(
                        Json.text(m, "title"),
                        MediaType.EPISODE,
                        Json.text(m, "grandparentTitle"),
                        Json.integerOrNull(m, "parentIndex"),
                        Json.integerOrNull(m, "index"),
                        Json.integerOrNull(m, "year"));
            case "track" ->
                new MediaItem(
                        Json.text(m, "title"),
                        MediaType.TRACK,
                        Json.text(m, "grandparentTitle"),
                        null,
                        Json.integerOrNull(m, "index"),
                        null);
            case "show" ->
                new MediaItem(Json.text(m, "title"), MediaType.SERIES, null, null, null, Json.integerOrNull(m, "year"));
            case "season" ->
                new MediaItem(
                        Json.text(m, "title"),
                        MediaType.SEASON,
                        Json.text(m, "parentTitle"),
                        Json.integerOrNull(m, "index"),
                        null,
                        null);
            default ->
                new MediaItem(Json.text(m, "title"), MediaType.OTHER, null, null, null, Json.integerOrNull(m, "year"));
        };
    }
}
