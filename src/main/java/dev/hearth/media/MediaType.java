package dev.hearth.media;

/** What kind of thing an item is, across every upstream's own words for it. */
public enum MediaType {
    MOVIE,
    EPISODE,
    SERIES,
    SEASON,
    TRACK,
    ALBUM,
    ARTIST,
    BOOK,
    PHOTO,
    OTHER
}
