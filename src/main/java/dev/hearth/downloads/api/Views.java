package dev.hearth.downloads.api;

import dev.hearth.downloads.ClientState;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.Task;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds task views with their client's state, reading the states once per answer. */
final class Views {
    private Views() {}

    static Map<String, String> states(DownloadService downloads) {
        return downloads.clients().stream()
                .collect(Collectors.toMap(
                        ClientState::name, c -> c.health().status().name()));
    }

    static TaskView task(Task t, Map<String, String> states) {
        return TaskView.of(t, states.getOrDefault(t.client(), "UNKNOWN"));
    }

    /**
     * The page's views, each made when the answer is written and dropped right after: a page of 1,000 tasks no longer
     * holds 1,000 views (and their human strings) beside the tasks while it is written. A request in flight survives
     * young collections, and the serial collector promotes what does not fit its small survivor space: under a list
     * load that was most of the old generation's growth (docs/benchmarks.md, "Memory at scale").
     */
    static List<TaskView> tasks(List<Task> tasks, DownloadService downloads) {
        Map<String, String> states = states(downloads);
        return new AbstractList<>() {
            @Override
            public TaskView get(int index) {
                return task(tasks.get(index), states);
            }

            @Override
            public int size() {
                return tasks.size();
            }
        };
    }
}
