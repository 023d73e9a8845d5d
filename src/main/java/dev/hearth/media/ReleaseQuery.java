package dev.hearth.media;

/** A search by title in one category, at most {@code limit} results. */
public record ReleaseQuery(String title, ReleaseCategory category, int limit) {
    public ReleaseQuery {
        if (title.isBlank()) throw new IllegalArgumentException("title must not be blank");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
    }
}
