package dev.hearth.downloads;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A download as Hearth keeps it: the client's last reported figures plus what only Hearth knows (who added
 * it, when it completed, where its files went). {@code id} is {@code "<service>:<client's id>"}, stable
 * across polls and restarts.
 */
public record Task(
        String id,
        String client,
        String clientTaskId,
        String name,
        DownloadTask.Type type,
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
        String source,
        String addedBy,
        Instant startTime,
        @Nullable Instant completedAt,
        @Nullable String libraryPath,
        @Nullable String error) {

    /** Added by no Hearth caller: found on a client by the poller. */
    public static final String EXTERNAL = "external";

    public static String idOf(String client, String clientTaskId) {
        return client + ":" + clientTaskId;
    }

    public boolean isCompleted() {
        return completedAt != null;
    }
}
