package dev.hearth.downloads;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The task states of the seeds. A magnet still fetching its metadata is {@link #METADATA}: it has no
 * name, size or files yet, and the dashboard says so rather than showing 0 %.
 */
public enum TaskStatus {
    QUEUED,
    METADATA,
    CHECKING,
    DOWNLOADING,
    PAUSED,
    SEEDING,
    COMPLETED,
    FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As Deluge words it: the state Moccha's torrent routes (and Hearth's own Deluge-shaped ones) answer. */
    public String delugeWord() {
        return switch (this) {
            case QUEUED -> "Queued";
            case METADATA, DOWNLOADING -> "Downloading";
            case CHECKING -> "Checking";
            case PAUSED -> "Paused";
            case SEEDING -> "Seeding";
            case COMPLETED -> "Completed";
            case FAILED -> "Error";
        };
    }

    /** Done downloading: the data is complete on disk (seeding or not). */
    public boolean isFinished() {
        return this == SEEDING || this == COMPLETED;
    }
}
