package dev.hearth.downloads.internal;

import dev.hearth.downloads.DownloadCompleted;
import dev.hearth.downloads.Task;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns "this task is done" — from a poll or from the webhook, any number of times — into exactly one
 * {@link DownloadCompleted}: the guard column and the outbox row are written in one transaction, so
 * neither a race between the two nor a restart can publish it twice, and a crash cannot lose it.
 */
@Singleton
public class Completions {
    private final Database db;
    private final TaskStore store;
    private final EventBus bus;
    private final Clock clock;

    public Completions(Database db, TaskStore store, EventBus bus, Clock clock) {
        this.db = db;
        this.store = store;
        this.bus = bus;
        this.clock = clock;
    }

    /** Answers true when this call recorded the completion (and published the event), false when it was known. */
    public boolean record(String taskId, Instant completedAt) {
        return db.inTransaction(() -> {
            if (!store.markCompletedOnce(taskId, completedAt.toEpochMilli(), clock.millis())) return false;
            Task t = store.find(taskId)
                    .orElseThrow(
                            () -> new IllegalStateException("task " + taskId + " vanished inside its transaction"));
            bus.publish(new DownloadCompleted(
                    t.id(),
                    t.client(),
                    t.name(),
                    t.category(),
                    t.savePath(),
                    t.size(),
                    t.completedAt() == null ? completedAt : t.completedAt(),
                    t.addedBy()));
            return true;
        });
    }
}
