package dev.hearth.downloads.deluge;

import dev.hearth.downloads.TaskStatus;

/**
 * Deluge's {@code state} strings onto Hearth's states. Deluge has no metadata state: a magnet still
 * fetching its metadata is "Downloading" with a total size of 0.
 */
final class DelugeStates {

    private DelugeStates() {}

    static TaskStatus of(String state, boolean finished, long totalSize) {
        return switch (state) {
            case "Downloading" -> totalSize == 0 ? TaskStatus.METADATA : TaskStatus.DOWNLOADING;
            case "Seeding" -> TaskStatus.SEEDING;
            case "Paused" -> finished ? TaskStatus.COMPLETED : TaskStatus.PAUSED;
            case "Checking", "Allocating" -> TaskStatus.CHECKING;
            case "Queued" -> finished ? TaskStatus.SEEDING : TaskStatus.QUEUED;
            case "Moving" -> finished ? TaskStatus.SEEDING : TaskStatus.DOWNLOADING;
            case "Error" -> TaskStatus.FAILED;
            default -> TaskStatus.QUEUED;
        };
    }
}
