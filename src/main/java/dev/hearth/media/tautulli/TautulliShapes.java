package dev.hearth.media.tautulli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.LibraryKind;
import dev.hearth.media.LibraryStats;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaType;
import dev.hearth.media.MediaUser;
import dev.hearth.media.PlayRecord;
import dev.hearth.media.PlayState;
import dev.hearth.media.Stream;
import dev.hearth.media.clients.Json;
import java.time.Duration;
import java.time.Instant;

/** Tautulli's snake_case shapes (many numbers as strings) into Hearth's records. */
final class TautulliShapes {

    private TautulliShapes() {}

    static MediaItem item(JsonNode s) {
        return switch (Json.text(s, "media_type")) {
            case "movie" -> MediaItem.movie(Json.text(s, "title"), Json.integerOrNull(s, "year"));
            case "episode" ->
                new MediaItem(
                        Json.text(s, "title"),
                        MediaType.EPISODE,
                        Json.text(s, "grandparent_title"),
                        Json.integerOrNull(s, "parent_media_index"),
                        Json.integerOrNull(s, "media_index"),
                        Json.integerOrNull(s, "year"));
            case "track" ->
                new MediaItem(
                        Json.text(s, "title"),
                        MediaType.TRACK,
                        Json.text(s, "grandparent_title"),
                        null,
                        Json.integerOrNull(s, "media_index"),
                        Json.integerOrNull(s, "year"));
            default ->
                new MediaItem(
                        Json.text(s, "full_title").isEmpty() ? Json.text(s, "title") : Json.text(s, "full_title"),
                        MediaType.OTHER,
                        null,
                        null,
                        null,
                        Json.integerOrNull(s, "year"));
        };
    }

    static Stream stream(JsonNode s) {
        PlayState state = switch (Json.text(s, "state")) {
            case "playing" -> PlayState.PLAYING;
            case "paused" -> PlayState.PAUSED;
            case "buffering" -> PlayState.BUFFERING;
            default -> PlayState.UNKNOWN;
        };
        String user = Json.text(s, "friendly_name");
        String id = Json.text(s, "session_id");
        return new Stream(
                id.isEmpty() ? Json.text(s, "session_key") : id,
                user.isEmpty() ? Json.text(s, "user") : user,
                item(s),
                state,
                Json.text(s, "player"),
                Duration.ofMillis(Json.number(s, "view_offset")),
                Duration.ofMillis(Json.number(s, "duration")),
                "transcode".equals(Json.text(s, "transcode_decision")));
    }

    /** {@code play_duration} (seconds watched, newer Tautulli) or {@code duration} (older). */
    static PlayRecord play(JsonNode h) {
        long seconds = h.has("play_duration") ? Json.number(h, "play_duration") : Json.number(h, "duration");
        Instant started = Json.epochSeconds(h, "started");
        if (started == null) started = Json.epochSeconds(h, "date");
        String user = Json.text(h, "friendly_name");
        return new PlayRecord(
                started == null ? Instant.EPOCH : started,
                user.isEmpty() ? Json.text(h, "user") : user,
                item(h),
                Duration.ofSeconds(seconds),
                Json.integer(h, "percent_complete"),
                Json.text(h, "player"));
    }

    static LibraryStats library(JsonNode l) {
        LibraryKind kind = switch (Json.text(l, "section_type")) {
            case "movie" -> LibraryKind.MOVIES;
            case "show" -> LibraryKind.SHOWS;
            case "artist" -> LibraryKind.MUSIC;
            case "photo" -> LibraryKind.PHOTOS;
            default -> LibraryKind.OTHER;
        };
        int children = kind == LibraryKind.MOVIES ? 0 : Json.integer(l, "child_count");
        return new LibraryStats(
                Json.text(l, "section_id"), Json.text(l, "section_name"), kind, Json.integer(l, "count"), children);
    }

    static MediaUser user(JsonNode u) {
        return new MediaUser(
                Json.text(u, "user_id"),
                Json.text(u, "username"),
                Json.text(u, "friendly_name"),
                Json.bool(u, "is_active"));
    }
}
