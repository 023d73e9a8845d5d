package dev.hearth.downloads;

import dev.hearth.platform.events.HearthEvent;
import java.time.Instant;

/**
 * A download's data is complete. Published exactly once per task — whether the poller or the webhook
 * noticed first, and across restarts — in the transaction that records it.
 */
public record DownloadCompleted(
        String taskId,
        String client,
        String name,
        String category,
        String savePath,
        long size,
        Instant completedAt,
        String addedBy)
        implements HearthEvent {}
