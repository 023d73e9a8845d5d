package dev.hearth.services.docker;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code GET /containers/json}.
 *
 * @param names  without Docker's leading slash ("qbittorrent", not "/qbittorrent")
 * @param state  Docker's word: created, running, paused, restarting, removing, exited, dead
 * @param status Docker's human text, e.g. "Up 2 minutes (healthy)"
 */
public record ContainerSummary(
        String id,
        List<String> names,
        String image,
        String state,
        String status,
        ContainerHealth health,
        Map<String, String> labels,
        Instant created) {

    public ContainerSummary {
        names = List.copyOf(names);
        labels = Map.copyOf(labels);
    }

    public boolean running() {
        return state.equals("running");
    }
}
