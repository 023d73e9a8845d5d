package dev.hearth.services.docker;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What Hearth reads from {@code GET /containers/{id}/json}.
 *
 * @param name       without Docker's leading slash
 * @param state      Docker's word (running, exited, ...)
 * @param exitCode   the last exit code; 0 while running or never started
 * @param startedAt  null if never started (Docker says 0001-01-01T00:00:00Z)
 * @param finishedAt null if it has not stopped since it last started
 * @param pid        the main process on the host, 0 when not running
 * @param tty        whether logs are raw bytes (true) or multiplexed frames (false)
 * @param env        the container's environment as created, "NAME=value"
 */
public record ContainerDetails(
        String id,
        String name,
        String image,
        String state,
        boolean running,
        int exitCode,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        ContainerHealth health,
        int pid,
        int restartCount,
        boolean tty,
        Map<String, String> labels,
        java.util.List<String> env) {

    public ContainerDetails {
        labels = Map.copyOf(labels);
        env = java.util.List.copyOf(env);
    }
}
