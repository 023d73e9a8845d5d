package dev.hearth.media;

/** The commands Hearth sends an *arr manager: each maps to the app's own command name. */
public sealed interface ManagerCommand {

    /** Re-read a title's metadata and files (RefreshSeries, RefreshMovie). */
    record Refresh(int titleId) implements ManagerCommand {}

    /** Search the indexers for a title's missing files (SeriesSearch, MoviesSearch). */
    record Search(int titleId) implements ManagerCommand {}

    /** Import what a download client finished in {@code path} (DownloadedEpisodesScan, DownloadedMoviesScan). */
    record ScanDownloads(String path) implements ManagerCommand {}
}
