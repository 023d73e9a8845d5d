package dev.hearth.media;

import org.jspecify.annotations.Nullable;

/**
 * A lookup result by title. {@code managedId} is set when the manager already has it. {@code foreignId}
 * (TVDB for series, TMDB for movies, MusicBrainz for artists, Goodreads for authors) is what {@link MediaManager#add} takes.
 */
public record TitleCandidate(
        String title,
        @Nullable Integer year,
        String foreignId,
        @Nullable String imdbId,
        @Nullable Integer managedId,
        String overview) {

    public boolean alreadyManaged() {
        return managedId != null;
    }
}
