package dev.hearth.media;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A release the manager is downloading or importing. {@code state} is the *arr's tracked state
 * (downloading, importPending, importing, failedPending, ...); {@code messages} say why it is stuck.
 */
public record QueueEntry(
        int id,
        String release,
        @Nullable Integer titleId,
        String status,
        String state,
        long size,
        long sizeLeft,
        @Nullable Instant estimatedCompletion,
        String downloadClient,
        String downloadId,
        List<String> messages) {
    public QueueEntry {
        messages = List.copyOf(messages);
    }
}
