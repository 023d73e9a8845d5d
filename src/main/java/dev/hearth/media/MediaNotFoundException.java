package dev.hearth.media;

/** The upstream has no such library, title, request or indexer; the message names what was asked for. */
public final class MediaNotFoundException extends RuntimeException {
    public MediaNotFoundException(String message) {
        super(message);
    }
}
