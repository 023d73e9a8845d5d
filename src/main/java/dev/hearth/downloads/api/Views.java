package dev.hearth.downloads.api;

import dev.hearth.downloads.ClientState;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.Task;
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

    static List<TaskView> tasks(List<Task> tasks, DownloadService downloads) {
        Map<String, String> states = states(downloads);
        return tasks.stream().map(t -> task(t, states)).toList();
    }
}
