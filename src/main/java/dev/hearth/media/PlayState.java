package dev.hearth.media;

public enum PlayState {
    PLAYING,
    PAUSED,
    BUFFERING,
    UNKNOWN
}
