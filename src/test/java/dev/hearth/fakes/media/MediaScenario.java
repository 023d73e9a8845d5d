package dev.hearth.fakes.media;

import dev.hearth.media.LibraryKind;
import dev.hearth.media.MediaItem;
import dev.hearth.media.PlayState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The one home the media doubles all describe, in Hearth's terms: each double renders it in its own
 * upstream's wire shape (from that upstream's published documentation), so a contract test can expect
 * the same records back from every client whatever the upstream.
 */
public final class MediaScenario {

    private MediaScenario() {}

    public record Lib(String name, LibraryKind kind, String location) {}

    public record Playing(
            String sessionId,
            String user,
            MediaItem item,
            PlayState state,
            String player,
            Duration position,
            Duration duration,
            boolean transcoding) {}

    public record Added(String id, MediaItem item, String library, Instant at) {}

    public static final Lib MOVIES = new Lib("Movies", LibraryKind.MOVIES, "/media/movies");
    public static final Lib SHOWS = new Lib("TV Shows", LibraryKind.SHOWS, "/media/tv");
    public static final List<Lib> LIBRARIES = List.of(MOVIES, SHOWS);

    public static final List<Playing> PLAYING = List.of(
            new Playing(
                    "s-1",
                    "alice",
                    MediaItem.movie("Inception", 2010),
                    PlayState.PLAYING,
                    "Living Room TV",
                    Duration.ofMinutes(60),
                    Duration.ofMinutes(148),
                    true),
            new Playing(
                    "s-2",
                    "bob",
                    MediaItem.episode("The Expanse", 2, 5, "Home"),
                    PlayState.PAUSED,
                    "Pixel 8",
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(44),
                    false));

    /** Newest first. */
    public static final List<Added> RECENT = List.of(
            new Added("301", MediaItem.movie("Dune: Part Two", 2024), "Movies", Instant.parse("2026-11-30T20:00:00Z")),
            new Added(
                    "302",
                    MediaItem.episode("Severance", 2, 1, "Hello, Ms. Cobel"),
                    "TV Shows",
                    Instant.parse("2026-11-29T10:00:00Z")));

    /** A folder a finished download lands in, inside the TV library. */
    public static final String NEW_EPISODE_FOLDER = "/media/tv/Severance/Season 02";

    // What an *arr manager has. Series for Sonarr, movies for Radarr; the contract picks by manages().

    public record Title(
            int id,
            String title,
            int year,
            long foreignId,
            String imdbId,
            String path,
            double downloadedPercent,
            long sizeOnDisk) {}

    public record Managed(
            Title existing,
            Title candidate,
            String rootFolder,
            String searchCommand,
            String refreshCommand,
            String queuedRelease,
            String grabbedRelease,
            MediaItem due,
            Instant dueAt,
            String dueRelease) {}

    public static final int QUALITY_PROFILE_ID = 4;
    public static final String QUALITY_PROFILE = "HD-1080p";
    public static final String DOWNLOAD_ID = "ABCDEF0123456789ABCDEF0123456789ABCDEF01";
    public static final Instant QUEUE_ETA = Instant.parse("2026-12-03T12:00:00Z");
    public static final Instant GRABBED_AT = Instant.parse("2026-12-02T10:00:00Z");
    public static final LocalDate CALENDAR_FROM = LocalDate.parse("2026-12-01");
    public static final LocalDate CALENDAR_TO = LocalDate.parse("2026-12-07");

    public static final Managed SERIES = new Managed(
            new Title(1, "The Expanse", 2015, 280619, "tt3230854", "/media/tv/The Expanse", 50.0, 10_000_000_000L),
            new Title(0, "Severance", 2022, 371980, "tt11280740", "", 0, 0),
            "/media/tv",
            "SeriesSearch",
            "RefreshSeries",
            "The.Expanse.S02E06.1080p.BluRay.x264-GRP",
            "The.Expanse.S02E06.1080p.BluRay.x264-GRP",
            MediaItem.episode("The Expanse", 2, 7, "The Seventh Man"),
            Instant.parse("2026-12-05T02:00:00Z"),
            "airing");

    public static final Managed MOVIE = new Managed(
            new Title(
                    1, "Inception", 2010, 27205, "tt1375666", "/media/movies/Inception (2010)", 100.0, 8_000_000_000L),
            new Title(0, "Dune: Part Two", 2024, 693134, "tt15239678", "", 0, 0),
            "/media/movies",
            "MoviesSearch",
            "RefreshMovie",
            "Inception.2010.2160p.UHD.BluRay.x265-GRP",
            "Inception.2010.2160p.UHD.BluRay.x265-GRP",
            MediaItem.movie("Dune: Part Two", 2024),
            Instant.parse("2026-12-04T00:00:00Z"),
            "digital");

    // What an indexer finds.

    public record Found(String title, long size, int seeders, int leechers, int category, boolean magnet) {}

    public static final String INDEXER = "1337x";
    public static final List<Found> RELEASES = List.of(
            new Found("Inception.2010.720p.BluRay.x264", 4_000_000_000L, 80, 4, 2040, false),
            new Found("Inception.2010.1080p.BluRay.x264", 10_000_000_000L, 250, 12, 2040, true),
            new Found("The.Expanse.S02E06.1080p.WEB.h264", 2_000_000_000L, 40, 2, 5040, false));
}
