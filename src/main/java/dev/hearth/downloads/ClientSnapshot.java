package dev.hearth.downloads;

import java.util.List;

/** What one poll of a download client read: every task, and the client's figures. */
public record ClientSnapshot(List<DownloadTask> tasks, ClientStats stats) {
    public ClientSnapshot {
        tasks = List.copyOf(tasks);
    }
}
