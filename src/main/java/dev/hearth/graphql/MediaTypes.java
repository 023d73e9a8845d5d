package dev.hearth.graphql;

import dev.hearth.media.CalendarEntry;
import dev.hearth.media.Library;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaRequest;
import dev.hearth.media.QueueEntry;
import dev.hearth.media.RecentItem;
import dev.hearth.media.Stream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;
import org.jspecify.annotations.Nullable;

/**
 * The media feature's records as GraphQL types, in the schema's camelCase: times as ISO-8601 text, durations in
 * seconds, sizes in bytes, the feature's enums as lower-case words (as {@code /api/v1/media} writes them).
 */
public final class MediaTypes {
    private MediaTypes() {}

    @Description(
            "A movie, an episode or a track; type movie, episode, series, season, track, album, artist, photo or other.")
    public record MediaItemInfo(
            String title,
            String type,
            @Nullable String seriesTitle,
            @Nullable Integer season,
            @Nullable Integer episode,
            @Nullable Integer year,
            String displayTitle) {
        static MediaItemInfo of(MediaItem i) {
            return new MediaItemInfo(
                    i.title(), word(i.type()), i.seriesTitle(), i.season(), i.episode(), i.year(), i.displayTitle());
        }
    }

    @Description("A library of a media server (a Plex section, a Jellyfin folder); kind movies, shows, music, …")
    public record MediaLibrary(String id, String name, String kind, List<String> locations, boolean refreshing) {
        static MediaLibrary of(Library l) {
            return new MediaLibrary(l.id(), l.name(), word(l.kind()), l.locations(), l.refreshing());
        }
    }

    @Description("Someone watching or listening now; state playing, paused, buffering or unknown.")
    public record MediaStream(
            String service,
            String sessionId,
            String user,
            MediaItemInfo item,
            String state,
            String player,
            long positionSeconds,
            long durationSeconds,
            boolean transcoding) {
        static MediaStream of(String service, Stream s) {
            return new MediaStream(
                    service,
                    s.sessionId(),
                    s.user(),
                    MediaItemInfo.of(s.item()),
                    word(s.state()),
                    s.player(),
                    s.position().toSeconds(),
                    s.duration().toSeconds(),
                    s.transcoding());
        }
    }

    public record RecentMedia(String service, String id, MediaItemInfo item, String library, String addedAt) {
        static RecentMedia of(String service, RecentItem r) {
            return new RecentMedia(
                    service,
                    r.id(),
                    MediaItemInfo.of(r.item()),
                    r.library(),
                    r.addedAt().toString());
        }
    }

    @Description("A release an *arr app is downloading or importing; messages say why it is stuck.")
    public record MediaQueueEntry(
            String service,
            int id,
            String release,
            @Nullable Integer titleId,
            String status,
            String state,
            long sizeBytes,
            long sizeLeftBytes,
            @Nullable String estimatedCompletion,
            String downloadClient,
            String downloadId,
            List<String> messages) {
        static MediaQueueEntry of(String service, QueueEntry q) {
            return new MediaQueueEntry(
                    service,
                    q.id(),
                    q.release(),
                    q.titleId(),
                    q.status(),
                    q.state(),
                    q.size(),
                    q.sizeLeft(),
                    iso(q.estimatedCompletion()),
                    q.downloadClient(),
                    q.downloadId(),
                    q.messages());
        }
    }

    @Description(
            "Something due: an episode airing, or a movie's release (release: airing, cinemas, digital, physical).")
    public record MediaCalendarEntry(
            String service, String when, MediaItemInfo item, String release, boolean downloaded, boolean monitored) {
        static MediaCalendarEntry of(String service, CalendarEntry c) {
            return new MediaCalendarEntry(
                    service,
                    c.when().toString(),
                    MediaItemInfo.of(c.item()),
                    c.release(),
                    c.downloaded(),
                    c.monitored());
        }
    }

    @Description("A request as a person made it; status pending, approved, declined, failed, completed or unknown.")
    public record MediaRequestInfo(
            String service,
            int id,
            String status,
            String media,
            long tmdbId,
            String title,
            String availability,
            String requestedBy,
            List<Integer> seasons,
            boolean is4k,
            String createdAt) {
        static MediaRequestInfo of(String service, MediaRequest r) {
            return new MediaRequestInfo(
                    service,
                    r.id(),
                    word(r.status()),
                    word(r.media()),
                    r.tmdbId(),
                    r.title(),
                    word(r.availability()),
                    r.requestedBy(),
                    r.seasons(),
                    r.is4k(),
                    r.createdAt().toString());
        }
    }

    public record MediaRequestList(List<MediaRequestInfo> requests, int total) {}

    @Description("A service that did not answer; its part of the overview is missing, the rest is shown.")
    public record MediaProblem(String service, String message) {}

    @Description("The Media page at once (as GET /api/v1/media).")
    public record MediaOverviewInfo(
            List<MediaStream> nowPlaying,
            List<RecentMedia> recentlyAdded,
            List<MediaRequestInfo> requests,
            List<MediaQueueEntry> queue,
            List<MediaCalendarEntry> calendar,
            List<MediaProblem> problems) {}

    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String iso(@Nullable Instant t) {
        return t == null ? null : t.toString();
    }
}
