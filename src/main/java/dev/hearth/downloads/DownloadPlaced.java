package dev.hearth.downloads;

import dev.hearth.platform.events.HearthEvent;
import java.time.Instant;

/**
 * A finished download's files were put into its category's library ({@code library_path}): the next link of the
 * completion pipeline (a media server's library refresh) starts from here, not from {@link DownloadCompleted},
 * so it never scans before the files are there. Published again when a re-delivered completion finds them
 * placed already; listeners are idempotent.
 */
public record DownloadPlaced(
        String taskId, String client, String name, String category, String libraryPath, Instant placedAt)
        implements HearthEvent {}
