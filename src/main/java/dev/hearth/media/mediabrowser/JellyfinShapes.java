package dev.hearth.media.mediabrowser;

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

/** Jellyfin's shapes into Hearth's records. */
final class JellyfinShapes {
    private static final long TICKS_PER_MILLI = 10_000;

    private JellyfinShapes() {}

    static Library library(JsonNode f) {
        LibraryKind kind = switch (Json.text(f, "CollectionType")) {
            case "movies" -> LibraryKind.MOVIES;
            case "tvshows" -> LibraryKind.SHOWS;
            case "music" -> LibraryKind.MUSIC;
            case "homevideos", "photos" -> LibraryKind.PHOTOS;
            case "books" -> LibraryKind.BOOKS;
            case "", "mixed" -> LibraryKind.MIXED;
            default -> LibraryKind.OTHER;
        };
        return new Library(
                Json.text(f, "ItemId"),
                Json.text(f, "Name"),
                kind,
                Json.list(f, "Locations", JsonNode::asText),
                "Active".equals(Json.text(f, "RefreshStatus")));
    }

    static MediaItem item(JsonNode i) {
        return switch (Json.text(i, "Type")) {
            case "Movie" -> MediaItem.movie(Json.text(i, "Name"), Json.integerOrNull(i, "ProductionYear"));
            case "Episode" ->
                new MediaItem(
                        Json.text(i, "Name"),
                        MediaType.EPISODE,
                        Json.text(i, "SeriesName"),
                        Json.integerOrNull(i, "ParentIndexNumber"),
                        Json.integerOrNull(i, "IndexNumber"),
                        Json.integerOrNull(i, "ProductionYear"));
            case "Audio" ->
                new MediaItem(
                        Json.text(i, "Name"),
                        MediaType.TRACK,
                        Json.textOrNull(i, "AlbumArtist"),
                        null,
                        Json.integerOrNull(i, "IndexNumber"),
                        Json.integerOrNull(i, "ProductionYear"));
            case "Series" ->
                new MediaItem(
                        Json.text(i, "Name"),
                        MediaType.SERIES,
                        null,
                        null,
                        null,
                        Json.integerOrNull(i, "ProductionYear"));
            default ->
                new MediaItem(
                        Json.text(i, "Name"),
                        MediaType.OTHER,
                        null,
                        null,
                        null,
                        Json.integerOrNull(i, "ProductionYear"));
        };
    }

    static boolean isPlaying(JsonNode session) {
        return session.path("NowPlayingItem").isObject();
    }

    static Stream stream(JsonNode s) {
        JsonNode now = s.path("NowPlayingItem");
        JsonNode play = s.path("PlayState");
        PlayState state = Json.bool(play, "IsPaused") ? PlayState.PAUSED : PlayState.PLAYING;
        String client = Json.text(s, "Client");
        String device = Json.text(s, "DeviceName");
        return new Stream(
                Json.text(s, "Id"),
                Json.text(s, "UserName"),
                item(now),
                state,
                device.isEmpty() ? client : client.isEmpty() ? device : client + " on " + device,
                Duration.ofMillis(Json.number(play, "PositionTicks") / TICKS_PER_MILLI),
                Duration.ofMillis(Json.number(now, "RunTimeTicks") / TICKS_PER_MILLI),
                "Transcode".equals(Json.text(play, "PlayMethod")));
    }

    static RecentItem recent(JsonNode i) {
        Instant created = Json.instant(i, "DateCreated");
        // /Items does not name the library an item is in; asking per library would cost a call each.
        return new RecentItem(Json.text(i, "Id"), item(i), "", created == null ? Instant.EPOCH : created);
    }
}
