package dev.hearth.downloads;

import java.util.List;

/** One page of a task list, with the total the filter matches. */
public record TaskPage(List<Task> tasks, long total, int limit, int offset) {
    public TaskPage {
        tasks = List.copyOf(tasks);
    }

    public boolean hasMore() {
        return offset + tasks.size() < total;
    }
}
