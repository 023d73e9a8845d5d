package dev.hearth.downloads.aria2;

import dev.hearth.downloads.TaskStatus;

/**
 * aria2's {@code status} (active, waiting, paused, error, complete, removed) onto Hearth's states. A
 * magnet first becomes a metadata-only download (a BitTorrent task without {@code info}), and a
 * finished torrent stays active while it seeds.
 */
final class Aria2States {

    private Aria2States() {}

    static TaskStatus of(String status, boolean metadataOnly, boolean seeding) {
        return switch (status) {
            case "active" -> metadataOnly ? TaskStatus.METADATA : seeding ? TaskStatus.SEEDING : TaskStatus.DOWNLOADING;
            case "waiting" -> TaskStatus.QUEUED;
            case "paused" -> TaskStatus.PAUSED;
            case "complete" -> TaskStatus.COMPLETED;
            default -> TaskStatus.FAILED; // error, removed
        };
    }
}
