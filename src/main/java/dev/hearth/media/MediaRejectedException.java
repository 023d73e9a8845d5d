package dev.hearth.media;

/**
 * The upstream understood the call and refused it (a title already added, a root folder that does not
 * exist); the message is the upstream's own reason, which a person can act on.
 */
public final class MediaRejectedException extends RuntimeException {
    public MediaRejectedException(String message) {
        super(message);
    }
}
