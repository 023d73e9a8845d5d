package dev.hearth.services.docker;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A container event from {@code GET /events}.
 *
 * @param type        "container" (the stream is filtered to container events)
 * @param action      start, die, stop, kill, restart, health_status, ... — for health_status the
 *                    verdict is split off into {@code detail} ("healthy") so the action stays a word
 * @param detail      what followed a colon in Docker's action, e.g. "healthy"; else null
 * @param name        container name without the leading slash, or null if the engine did not say
 * @param exitCode    set on die events
 * @param labels      the container's labels
 */
public record DockerEvent(
        String type,
        String action,
        @Nullable String detail,
        String containerId,
        @Nullable String name,
        @Nullable Integer exitCode,
        Map<String, String> labels,
        Instant time) {

    public DockerEvent {
        labels = Map.copyOf(labels);
    }
}
