package dev.hearth.media;

/** What an *arr manager manages: Sonarr series, Radarr movies. */
public enum ManagedKind {
    SERIES,
    MOVIES
}
