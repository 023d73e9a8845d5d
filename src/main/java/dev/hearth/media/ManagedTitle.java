package dev.hearth.media;

import org.jspecify.annotations.Nullable;

/**
 * A series, movie, artist or author the manager already has. {@code foreignId} is the TVDB id for a series,
 * the TMDB id for a movie, the MusicBrainz id for an artist, the Goodreads id for an author; {@code downloadedPercent} is the share of its episodes (or the movie) on disk.
 */
public record ManagedTitle(
        int id,
        String title,
        @Nullable Integer year,
        String foreignId,
        String path,
        boolean monitored,
        double downloadedPercent,
        long sizeOnDisk) {}
