package dev.hearth.services.docker;

import dev.hearth.services.ServiceStateChanged;
import java.util.Optional;

/**
 * Turns the engine's container events into {@link ServiceStateChanged}: {@code die} carries the exit code
 * and whether Hearth asked for it (a stop or restart through Hearth) or the container died on its own.
 */
public final class ContainerStateChanges {
    private ContainerStateChanges() {}

    public static Optional<ServiceStateChanged> of(
            DockerEndpoints endpoints, String endpoint, DockerEvent e, String service) {
        String container = e.name() == null ? e.containerId() : e.name();
        String where = endpoint + "/" + container;
        return switch (e.action()) {
            case "start" ->
                Optional.of(new ServiceStateChanged(service, "docker", "running", null, true, where, e.time()));
            case "die" -> {
                boolean expected = endpoints.takeExpectedExit(endpoint, container);
                endpoints.recordExit(endpoint, container, expected);
                yield Optional.of(new ServiceStateChanged(
                        service, "docker", expected ? "stopped" : "exited", e.exitCode(), expected, where, e.time()));
            }
            case "health_status" ->
                e.detail() == null
                        ? Optional.empty()
                        : Optional.of(
                                new ServiceStateChanged(service, "docker", e.detail(), null, false, where, e.time()));
            case "destroy" ->
                Optional.of(new ServiceStateChanged(
                        service,
                        "docker",
                        "removed",
                        null,
                        endpoints.takeExpectedExit(endpoint, container),
                        where,
                        e.time()));
            default -> Optional.empty();
        };
    }
}
