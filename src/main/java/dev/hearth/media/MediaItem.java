package dev.hearth.media;

import org.jspecify.annotations.Nullable;

/**
 * A movie, an episode, an album, a book or a track as a person names it. For an episode {@code title} is the
 * episode's own title and {@code seriesTitle}, {@code season} and {@code episode} say where it belongs; for an
 * album or a book {@code seriesTitle} is its artist or author.
 */
public record MediaItem(
        String title,
        MediaType type,
        @Nullable String seriesTitle,
        @Nullable Integer season,
        @Nullable Integer episode,
        @Nullable Integer year) {

    public static MediaItem movie(String title, @Nullable Integer year) {
        return new MediaItem(title, MediaType.MOVIE, null, null, null, year);
    }

    public static MediaItem episode(String series, int season, int episode, String title) {
        return new MediaItem(title, MediaType.EPISODE, series, season, episode, null);
    }

    public static MediaItem album(String artist, String title, @Nullable Integer year) {
        return new MediaItem(title, MediaType.ALBUM, artist, null, null, year);
    }

    public static MediaItem book(String author, String title, @Nullable Integer year) {
        return new MediaItem(title, MediaType.BOOK, author, null, null, year);
    }

    /** "Inception (2010)", "The Expanse S02E05 Home". */
    public String displayTitle() {
        if (type == MediaType.EPISODE && seriesTitle != null && season != null && episode != null) {
            return "%s S%02dE%02d %s"
                    .formatted(seriesTitle, season, episode, title)
                    .strip();
        }
        String named = year == null || year == 0 ? title : title + " (" + year + ")";
        boolean byline = (type == MediaType.ALBUM || type == MediaType.BOOK) && seriesTitle != null;
        return byline ? seriesTitle + " – " + named : named;
    }
}
