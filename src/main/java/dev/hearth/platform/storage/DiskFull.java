package dev.hearth.platform.storage;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A write that failed because the data dir's file system is full: 503 SERVICE_UNAVAILABLE, not 500.
 * Within Hearth's closed set of codes this is the one that says "not now, the service cannot do this until
 * something changes; try again": once space is freed the same write succeeds, reads never stopped, and
 * nothing half-written was kept. (507 Insufficient Storage says the same more precisely, but it is a WebDAV
 * code no Hearth client knows, and a new code would break the one closed list every client switches on.)
 */
public final class DiskFull extends ApiException {
    /** Below this much room a file system counts as full, whatever the failure said. */
    static final long LOW_WATER = 256 * 1024;

    private DiskFull(Path dataDir, long free) {
        super(
                ErrorCode.SERVICE_UNAVAILABLE,
                "the data directory's file system is full: " + dataDir + " (" + free
                        + " bytes free); free space there and the write will succeed",
                details(dataDir, free));
    }

    private static Map<String, Object> details(Path dataDir, long free) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("reason", "disk_full");
        d.put("path", dataDir.toString());
        d.put("free_bytes", free);
        return d;
    }

    static DiskFull of(Path dataDir) {
        return new DiskFull(dataDir.toAbsolutePath(), usable(dataDir));
    }

    /** Whether a file write into the data dir failed for want of space (ENOSPC, or an error with no room left). */
    public static boolean isFull(IOException e, Path dataDir) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null
                ? fse.getReason()
                : String.valueOf(e.getMessage());
        return reason.toLowerCase(Locale.ROOT).contains("no space left") || usable(dataDir) < LOW_WATER;
    }

    /** The exception for a failed file write into the data dir: this one when it was full, else an unchecked copy. */
    public static RuntimeException of(IOException e, Path dataDir) {
        return isFull(e, dataDir) ? of(dataDir) : new java.io.UncheckedIOException(e);
    }

    /** SQLite's SQLITE_FULL (13), or an I/O error (10) or a lost transaction while no room is left. */
    static boolean isFull(SQLException e, Path dataDir) {
        int primary = e.getErrorCode() & 0xff;
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        // After SQLITE_FULL inside a transaction SQLite has already rolled it back, so the commit that
        // follows fails with "no transaction is active": the same full disk, seen one step later.
        boolean failedForLackOfRoom =
                primary == 10 || message.contains("disk i/o error") || message.contains("no transaction is active");
        return primary == 13
                || message.contains("disk is full")
                || message.contains("no space left")
                || failedForLackOfRoom && usable(dataDir) < LOW_WATER;
    }

    static long usable(Path dataDir) {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE; // cannot tell: not full
        }
    }
}
