package dev.hearth.platform.web;

/**
 * The one paging envelope of list answers (DESIGN.md: lists take {@code limit}/{@code offset} and carry {@code total}
 * and {@code has_more}): a route that takes {@code limit} answers a record implementing this, so every page says how
 * many match, whether more follow, and which window it is. The items keep the route's own field name ({@code tasks},
 * {@code alerts}, {@code entries}…), the one the seeds' clients and the dashboard read.
 */
public interface Paged {
    /** How many items match the filter, across all pages. */
    long total();

    /** Whether items follow this page ({@code offset + items < total}). */
    boolean hasMore();

    /** The page size asked for (or the default). */
    int limit();

    /** How many matching items come before this page. */
    int offset();
}
