package dev.hearth.backups;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A backup as every door shows it: MLTB's fields ({@code filename}, {@code size} as "45.2 MB", {@code timestamp},
 * {@code description}, {@code status}) and Hearth's own beside them.
 */
public record BackupView(
        long id,
        String name,
        String filename,
        String size,
        long sizeBytes,
        String timestamp,
        String description,
        String status,
        String kind,
        boolean encrypted,
        String databaseKind,
        String schemaVersion,
        String hearthVersion,
        String sha256,
        @Nullable String finishedAt,
        String remote,
        String remoteStatus,
        @Nullable String verifiedAt,
        String verifyResult,
        String error,
        String createdBy,
        String download) {

    public static BackupView of(Backup b) {
        return new BackupView(
                b.id(),
                b.name(),
                b.fileName(),
                human(b.sizeBytes()),
                b.sizeBytes(),
                b.createdAt().toString(),
                b.description(),
                b.status(),
                b.kind(),
                b.encrypted(),
                b.databaseKind(),
                b.schemaVersion(),
                b.hearthVersion(),
                b.sha256(),
                b.finishedAt() == null ? null : b.finishedAt().toString(),
                b.remote(),
                b.remoteStatus(),
                b.verifiedAt() == null ? null : b.verifiedAt().toString(),
                b.verifyResult(),
                b.error(),
                b.createdBy(),
                "/api/v1/backups/" + b.id() + "/download");
    }

    static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
