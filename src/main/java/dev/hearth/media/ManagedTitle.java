package dev.hearth.media;

import org.jspecify.annotations.Nullable;

/**
 * A series or movie the manager already has. {@code foreignId} is the TVDB id for a series, the TMDB id
 * for a movie; {@code downloadedPercent} is the share of its episodes (or the movie) on disk.
 */
public record ManagedTitle(
        int id,
        String title,
        @Nullable Integer year,
        long foreignId,
        String path,
        boolean monitored,
        double downloadedPercent,
        long sizeOnDisk) {}
