package dev.hearth.media;

/** What a media server's library holds. */
public enum LibraryKind {
    MOVIES,
    SHOWS,
    MUSIC,
    PHOTOS,
    BOOKS,
    MIXED,
    OTHER
}
