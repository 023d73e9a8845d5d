package dev.hearth.media.plex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.Library;
import dev.hearth.media.LibraryKind;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaType;
import dev.hearth.media.PlayState;
import dev.hearth.media.RecentItem;
import dev.hearth.media.Stream;
import dev.hearth.media.clients.Json;
import java.time.Duration;
import java.time.Instant;

/** Plex's shapes into Hearth's records. Ids ({@code key}, {@code ratingKey}) are strings in Plex too. */
final class PlexShapes {

    private PlexShapes() {}

    static Library library(JsonNode d) {
        LibraryKind kind = switch (Json.text(d, "type")) {
            case "movie" -> LibraryKind.MOVIES;
            case "show" -> LibraryKind.SHOWS;
            case "artist" -> LibraryKind.MUSIC;
            case "photo" -> LibraryKind.PHOTOS;
            default -> LibraryKind.OTHER;
        };
        return new Library(
                Json.text(d, "key"),
                Json.text(d, "title"),
                kind,
                Json.list(d, "Location", l -> Json.text(l, "path")),
                Json.bool(d, "refreshing"));
    }

    static MediaItem item(JsonNode m) {
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
            case "season" ->
                new MediaItem(
                        Json.text(m, "title"),
                        MediaType.SEASON,
                        Json.text(m, "parentTitle"),
                        Json.integerOrNull(m, "index"),
                        null,
                        Json.integerOrNull(m, "parentYear"));
            case "show" ->
                new MediaItem(Json.text(m, "title"), MediaType.SERIES, null, null, null, Json.integerOrNull(m, "year"));
            case "track" ->
                new MediaItem(
                        Json.text(m, "title"),
                        MediaType.TRACK,
                        Json.text(m, "grandparentTitle"),
                        null,
                        Json.integerOrNull(m, "index"),
                        null);
            case "album" ->
                new MediaItem(
                        Json.text(m, "title"),
                        MediaType.ALBUM,
                        Json.text(m, "parentTitle"),
                        null,
                        null,
                        Json.integerOrNull(m, "year"));
            default ->
                new MediaItem(Json.text(m, "title"), MediaType.OTHER, null, null, null, Json.integerOrNull(m, "year"));
        };
    }

    static Stream stream(JsonNode m) {
        JsonNode player = m.path("Player");
        PlayState state = switch (Json.text(player, "state")) {
            case "playing" -> PlayState.PLAYING;
            case "paused" -> PlayState.PAUSED;
            case "buffering" -> PlayState.BUFFERING;
            default -> PlayState.UNKNOWN;
        };
        JsonNode transcode = m.path("TranscodeSession");
        boolean transcoding = "transcode".equals(Json.text(transcode, "videoDecision"))
                || "transcode".equals(Json.text(transcode, "audioDecision"));
        String session = Json.text(m.path("Session"), "id");
        String playerName = Json.text(player, "title");
        return new Stream(
                session.isEmpty() ? Json.text(m, "sessionKey") : session,
                Json.text(m.path("User"), "title"),
                item(m),
                state,
                playerName.isEmpty() ? Json.text(player, "product") : playerName,
                Duration.ofMillis(Json.number(m, "viewOffset")),
                Duration.ofMillis(Json.number(m, "duration")),
                transcoding);
    }

    static RecentItem recent(JsonNode m) {
        Instant added = Json.epochSeconds(m, "addedAt");
        return new RecentItem(
                Json.text(m, "ratingKey"),
                item(m),
                Json.text(m, "librarySectionTitle"),
                added == null ? Instant.EPOCH : added);
    }
}
