package dev.hearth.media;

import java.util.List;

/** A request to make: a TMDB id, and for a series the seasons (empty means all of them). */
public record NewRequest(RequestedMedia media, long tmdbId, List<Integer> seasons, boolean is4k) {
    public NewRequest {
        seasons = List.copyOf(seasons);
        if (tmdbId <= 0) throw new IllegalArgumentException("tmdbId must be positive");
    }
}
