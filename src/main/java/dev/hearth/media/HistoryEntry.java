package dev.hearth.media;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One thing the manager did with a release. */
public record HistoryEntry(
        Instant date,
        Event event,
        String sourceTitle,
        @Nullable Integer titleId,
        String quality,
        String downloadId) {

    public enum Event {
        GRABBED,
        IMPORTED,
        FAILED,
        DELETED,
        RENAMED,
        IGNORED,
        OTHER
    }
}
