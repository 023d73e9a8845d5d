package dev.hearth.media;

import java.time.Instant;

/** Something that arrived in a library. */
public record RecentItem(String id, MediaItem item, String library, Instant addedAt) {}
