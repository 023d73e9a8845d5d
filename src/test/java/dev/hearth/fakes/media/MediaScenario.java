package dev.hearth.fakes.media;

import dev.hearth.media.LibraryKind;
import dev.hearth.media.MediaItem;
import dev.hearth.media.PlayState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    // What an *arr manager has. Series for Sonarr, movies for Radarr, artists for Lidarr, authors for Readarr; the
    // contract picks by manages().

    public record Title(
            int id,
            String title,
            @Nullable Integer year,
            String foreignId,
            @Nullable String imdbId,
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
            String dueRelease,
            String grabbedQuality) {}

    public static final int QUALITY_PROFILE_ID = 4;
    public static final String QUALITY_PROFILE = "HD-1080p";
    public static final String DOWNLOAD_ID = "ABCDEF0123456789ABCDEF0123456789ABCDEF01";
    public static final Instant QUEUE_ETA = Instant.parse("2026-12-03T12:00:00Z");
    public static final Instant GRABBED_AT = Instant.parse("2026-12-02T10:00:00Z");
    public static final LocalDate CALENDAR_FROM = LocalDate.parse("2026-12-01");
    public static final LocalDate CALENDAR_TO = LocalDate.parse("2026-12-07");

    public static final Managed SERIES = new Managed(
            new Title(1, "The Expanse", 2015, "280619", "tt3230854", "/media/tv/The Expanse", 50.0, 10_000_000_000L),
            new Title(0, "Severance", 2022, "371980", "tt11280740", "", 0, 0),
            "/media/tv",
            "SeriesSearch",
            "RefreshSeries",
            "The.Expanse.S02E06.1080p.BluRay.x264-GRP",
            "The.Expanse.S02E06.1080p.BluRay.x264-GRP",
            MediaItem.episode("The Expanse", 2, 7, "The Seventh Man"),
            Instant.parse("2026-12-05T02:00:00Z"),
            "airing",
            "Bluray-1080p");

    public static final Managed MOVIE = new Managed(
            new Title(
                    1,
                    "Inception",
                    2010,
                    "27205",
                    "tt1375666",
                    "/media/movies/Inception (2010)",
                    100.0,
                    8_000_000_000L),
            new Title(0, "Dune: Part Two", 2024, "693134", "tt15239678", "", 0, 0),
            "/media/movies",
            "MoviesSearch",
            "RefreshMovie",
            "Inception.2010.2160p.UHD.BluRay.x265-GRP",
            "Inception.2010.2160p.UHD.BluRay.x265-GRP",
            MediaItem.movie("Dune: Part Two", 2024),
            Instant.parse("2026-12-04T00:00:00Z"),
            "digital",
            "Bluray-1080p");

    /** Lidarr's: artists (a MusicBrainz id each, no year); the calendar lists albums. */
    public static final Managed MUSIC = new Managed(
            new Title(
                    1,
                    "Radiohead",
                    null,
                    "a74b1b7f-71a5-4011-9441-d0b5e4122711",
                    null,
                    "/media/music/Radiohead",
                    100.0,
                    3_000_000_000L),
            new Title(0, "Massive Attack", null, "10adbe5e-a2c0-4bf3-8249-2b4cbf6e6ca8", null, "", 0, 0),
            "/media/music",
            "ArtistSearch",
            "RefreshArtist",
            "Radiohead-In_Rainbows-2007-FLAC",
            "Radiohead-In_Rainbows-2007-FLAC",
            MediaItem.album("Radiohead", "In Rainbows (Live)", 2026),
            Instant.parse("2026-12-04T00:00:00Z"),
            "release",
            "FLAC");

    /** Readarr's: authors (a Goodreads id each, no year); the calendar lists books. */
    public static final Managed BOOKS = new Managed(
            new Title(
                    1, "Ursula K. Le Guin", null, "874602", null, "/media/books/Ursula K. Le Guin", 60.0, 200_000_000L),
            new Title(0, "Octavia E. Butler", null, "29535", null, "", 0, 0),
            "/media/books",
            "AuthorSearch",
            "RefreshAuthor",
            "Ursula.K.Le.Guin-The.Dispossessed.EPUB",
            "Ursula.K.Le.Guin-The.Dispossessed.EPUB",
            MediaItem.book("Ursula K. Le Guin", "The Lathe of Heaven (Reissue)", 2026),
            Instant.parse("2026-12-03T00:00:00Z"),
            "release",
            "EPUB");

    // What an indexer finds.

    public record Found(String title, long size, int seeders, int leechers, int category, boolean magnet) {}

    public static final String INDEXER = "1337x";
    public static final List<Found> RELEASES = List.of(
            new Found("Inception.2010.720p.BluRay.x264", 4_000_000_000L, 80, 4, 2040, false),
            new Found("Inception.2010.1080p.BluRay.x264", 10_000_000_000L, 250, 12, 2040, true),
            new Found("The.Expanse.S02E06.1080p.WEB.h264", 2_000_000_000L, 40, 2, 5040, false));
}
