package dev.hearth.platform.cache;

/**
 * A cache a feature keeps in memory, which maintenance ({@code maintenance.clear_cache}) may empty. Every CDI bean
 * implementing it is found; clearing must leave the feature working, reading afresh what it needs.
 */
public interface ClearableCache {
    /** A short stable name, e.g. {@code service-health}. */
    String name();

    /** What it holds, in words for the answer. */
    String description();

    /** Empties it; answers how many entries went. */
    int clear();
}
