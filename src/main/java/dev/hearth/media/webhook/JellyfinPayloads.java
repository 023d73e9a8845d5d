package dev.hearth.media.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaType;
import dev.hearth.media.clients.Json;
import dev.hearth.media.webhook.MediaWebhookEvent.Origin;
import dev.hearth.media.webhook.MediaWebhookEvent.Playback.Action;

/**
 * The Jellyfin webhook plugin's generic destination with "Send All Properties": its data object as JSON,
 * PascalCase keys ({@code NotificationType} ItemAdded, PlaybackStart, PlaybackProgress, PlaybackStop, ...;
 * {@code ItemType} Movie, Episode, Audio, ...). A hand-written template may send numbers as strings.
 */
final class JellyfinPayloads {

    private JellyfinPayloads() {}

    static MediaWebhookEvent parse(JsonNode p) {
        String type = Json.text(p, "NotificationType");
        if (type.isEmpty())
            throw new InvalidWebhookPayload("no NotificationType: not a Jellyfin webhook plugin payload");
        Origin origin = new Origin("jellyfin", Json.text(p, "ServerName"));
        String user = Json.text(p, "NotificationUsername");
        String player = Json.text(p, "ClientName")
                + (Json.text(p, "DeviceName").isEmpty() ? "" : " on " + Json.text(p, "DeviceName"));
        return switch (type) {
            case "ItemAdded" -> new MediaWebhookEvent.LibraryItemAdded(origin, item(p), "");
            case "PlaybackStart" -> new MediaWebhookEvent.Playback(origin, Action.PLAY, user, player, item(p));
            case "PlaybackProgress" ->
                new MediaWebhookEvent.Playback(
                        origin, Json.bool(p, "IsPaused") ? Action.PAUSE : Action.PROGRESS, user, player, item(p));
            case "PlaybackStop" ->
                new MediaWebhookEvent.Playback(
                        origin,
                        Json.bool(p, "PlayedToCompletion") ? Action.FINISHED : Action.STOP,
                        user,
                        player,
                        item(p));
            default -> new MediaWebhookEvent.Unhandled(origin, type);
        };
    }

    private static MediaItem item(JsonNode p) {
        return switch (Json.text(p, "ItemType")) {
            case "Movie" -> MediaItem.movie(Json.text(p, "Name"), Json.integerOrNull(p, "Year"));
            case "Episode" ->
                new MediaItem(
                        Json.text(p, "Name"),
                        MediaType.EPISODE,
                        Json.text(p, "SeriesName"),
                        Json.integerOrNull(p, "SeasonNumber"),
                        Json.integerOrNull(p, "EpisodeNumber"),
                        Json.integerOrNull(p, "Year"));
            case "Season" ->
                new MediaItem(
                        Json.text(p, "Name"),
                        MediaType.SEASON,
                        Json.text(p, "SeriesName"),
                        Json.integerOrNull(p, "SeasonNumber"),
                        null,
                        Json.integerOrNull(p, "Year"));
            case "Series" ->
                new MediaItem(Json.text(p, "Name"), MediaType.SERIES, null, null, null, Json.integerOrNull(p, "Year"));
            case "Audio" ->
                new MediaItem(
                        Json.text(p, "Name"),
                        MediaType.TRACK,
                        Json.textOrNull(p, "Artist"),
                        null,
                        null,
                        Json.integerOrNull(p, "Year"));
            default ->
                new MediaItem(Json.text(p, "Name"), MediaType.OTHER, null, null, null, Json.integerOrNull(p, "Year"));
        };
    }
}
