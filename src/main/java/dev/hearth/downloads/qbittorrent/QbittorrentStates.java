package dev.hearth.downloads.qbittorrent;

import dev.hearth.downloads.TaskStatus;

/** qBittorrent's {@code state} strings (4.x {@code paused*} and 5.x {@code stopped*} alike) onto Hearth's states. */
final class QbittorrentStates {

    private QbittorrentStates() {}

    static TaskStatus of(String state) {
        return switch (state) {
            case "metaDL", "forcedMetaDL" -> TaskStatus.METADATA;
            case "checkingDL", "checkingUP", "checkingResumeData", "allocating", "moving" -> TaskStatus.CHECKING;
            case "pausedDL", "stoppedDL" -> TaskStatus.PAUSED;
            // Stopped with all data present: from the user's side the download is done.
            case "pausedUP", "stoppedUP" -> TaskStatus.COMPLETED;
            case "uploading", "stalledUP", "forcedUP", "queuedUP" -> TaskStatus.SEEDING;
            case "downloading", "stalledDL", "forcedDL" -> TaskStatus.DOWNLOADING;
            case "queuedDL" -> TaskStatus.QUEUED;
            case "error", "missingFiles" -> TaskStatus.FAILED;
            // "unknown" and states newer than this code: queued is the least surprising guess.
            default -> TaskStatus.QUEUED;
        };
    }
}
