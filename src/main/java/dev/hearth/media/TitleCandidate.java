package dev.hearth.media;

import org.jspecify.annotations.Nullable;

/**
 * A lookup result by title. {@code managedId} is set when the manager already has it. {@code foreignId}
 * (TVDB for series, TMDB for movies) is what {@link MediaManager#add} takes.
 */
public record TitleCandidate(
        String title,
        @Nullable Integer year,
        long foreignId,
        @Nullable String imdbId,
        @Nullable Integer managedId,
        String overview) {

    public boolean alreadyManaged() {
        return managedId != null;
    }
}
