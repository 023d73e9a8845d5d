package dev.hearth.downloads;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One download as every client reports it, mapped to one model (seeds MLTB and Moccha). Sizes in bytes,
 * speeds in bytes per second, progress 0–100, eta in seconds (-1 when unknown).
 */
public record DownloadTask(
        String id,
        String name,
        Type type,
        TaskStatus status,
        double progress,
        long size,
        long downloaded,
        long downloadSpeed,
        long uploadSpeed,
        long eta,
        double ratio,
        int seeds,
        int peers,
        String savePath,
        String category,
        @Nullable Instant addedAt,
        @Nullable Instant completedAt,
        @Nullable String error) {

    public enum Type {
        TORRENT,
        DIRECT
    }
}
