package dev.hearth.downloads.transmission;

import dev.hearth.downloads.TaskStatus;

/**
 * Transmission's numeric {@code status} onto Hearth's states: 0 stopped, 1 check-wait, 2 checking,
 * 3 download-wait, 4 downloading, 5 seed-wait, 6 seeding. Only {@code error} 3 (a local error: disk,
 * missing files) fails a task; 1 and 2 are tracker warnings and the transfer goes on.
 */
final class TransmissionStates {

    private TransmissionStates() {}

    static TaskStatus of(int status, int error, boolean hasMetadata, boolean complete) {
        if (error == 3) {
            return TaskStatus.FAILED;
        }
        return switch (status) {
            case 0 -> complete ? TaskStatus.COMPLETED : TaskStatus.PAUSED;
            case 1, 2 -> TaskStatus.CHECKING;
            case 3 -> TaskStatus.QUEUED;
            case 4 -> hasMetadata ? TaskStatus.DOWNLOADING : TaskStatus.METADATA;
            case 5, 6 -> TaskStatus.SEEDING;
            default -> TaskStatus.QUEUED;
        };
    }
}
