package dev.hearth.admin;

import dev.hearth.platform.web.Paged;
import java.util.List;

/** A directory inside the roots, a page of its entries (directories first, then by name), and which root holds it. */
public record Listing(
        String path, String root, List<FileEntry> items, long total, boolean hasMore, int limit, int offset)
        implements Paged {}
