package dev.hearth.media;

import org.jspecify.annotations.Nullable;

/** A title a request manager found by name, with what it already knows about its availability. */
public record RequestCandidate(
        RequestedMedia media,
        long tmdbId,
        String title,
        @Nullable Integer year,
        Availability availability) {}
