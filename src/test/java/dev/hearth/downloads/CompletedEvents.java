package dev.hearth.downloads;

import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Counts every delivery of {@link DownloadCompleted}, so tests can prove "exactly one". */
@Singleton
public class CompletedEvents implements EventListener<DownloadCompleted> {
    private final List<DownloadCompleted> seen = new CopyOnWriteArrayList<>();

    @Override
    public Class<DownloadCompleted> type() {
        return DownloadCompleted.class;
    }

    @Override
    public void on(DownloadCompleted event) {
        seen.add(event);
    }

    public DownloadCompleted first(String taskId) {
        return seen.stream().filter(e -> e.taskId().equals(taskId)).findFirst().orElseThrow();
    }

    public long countFor(String taskId) {
        return seen.stream().filter(e -> e.taskId().equals(taskId)).count();
    }
}
