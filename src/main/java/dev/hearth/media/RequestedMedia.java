package dev.hearth.media;

/** Movie or series, as a request manager asks for them. */
public enum RequestedMedia {
    MOVIE,
    TV
}
