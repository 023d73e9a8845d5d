package dev.hearth.media;

import java.time.Instant;

/**
 * Something due: an episode airing, or a movie's cinema, digital or physical release ({@code release}
 * says which: airing, cinemas, digital, physical).
 */
public record CalendarEntry(Instant when, MediaItem item, String release, boolean downloaded, boolean monitored) {}
