package dev.hearth.media;

import java.time.Instant;
import java.util.List;

/** One request as a person made it: what, by whom, where it stands and whether it can be watched. */
public record MediaRequest(
        int id,
        RequestStatus status,
        RequestedMedia media,
        long tmdbId,
        String title,
        Availability availability,
        String requestedBy,
        List<Integer> seasons,
        boolean is4k,
        Instant createdAt) {
    public MediaRequest {
        seasons = List.copyOf(seasons);
    }
}
