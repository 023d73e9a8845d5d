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
 * @param ports  the ports published on the host, each once (the engine lists a port once per address family)
 */
public record ContainerSummary(
        String id,
        List<String> names,
        String image,
        String state,
        String status,
        ContainerHealth health,
        Map<String, String> labels,
        Instant created,
        List<PublishedPort> ports) {

    public ContainerSummary {
        names = List.copyOf(names);
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
    }

    public ContainerSummary(
            String id,
            List<String> names,
            String image,
            String state,
            String status,
            ContainerHealth health,
            Map<String, String> labels,
            Instant created) {
        this(id, names, image, state, status, health, labels, created, List.of());
    }

    public boolean running() {
        return state.equals("running");
    }
}
