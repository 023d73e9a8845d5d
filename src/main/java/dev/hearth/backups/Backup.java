package dev.hearth.backups;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One backup in the list: its archive file, what made it, how it ended, and its copy on the remote.
 *
 * @param kind   {@code manual} or {@code scheduled} (only scheduled ones are subject to retention)
 * @param status {@code running}, {@code completed} or {@code failed}
 */
public record Backup(
        long id,
        String name,
        String fileName,
        String description,
        String kind,
        String status,
        Instant createdAt,
        @Nullable Instant finishedAt,
        long sizeBytes,
        String sha256,
        boolean encrypted,
        String databaseKind,
        String schemaVersion,
        String hearthVersion,
        String includes,
        String remote,
        String remoteStatus,
        @Nullable Instant verifiedAt,
        String verifyResult,
        String error,
        String createdBy) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public boolean completed() {
        return COMPLETED.equals(status);
    }
}
