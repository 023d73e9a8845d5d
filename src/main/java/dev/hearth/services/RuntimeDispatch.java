package dev.hearth.services;

import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.docker.ContainerStateChanges;
import dev.hearth.services.docker.DockerEndpoints;
import dev.hearth.services.docker.DockerEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * What is done to a service's runtime — start, stop, restart, remove, logs, stats — sent to whatever runs
 * it through the facet it offers; a service without the facet answers 409 saying why. It also turns the
 * engines' container events into {@link ServiceStateChanged}.
 */
@Singleton
public class RuntimeDispatch {
    private static final Logger LOG = Logger.getLogger(RuntimeDispatch.class);

    private final ServiceRegistry registry;
    private final HealthBoard board;
    private final DockerEndpoints docker;
    private final EventBus bus;

    public RuntimeDispatch(ServiceRegistry registry, HealthBoard board, DockerEndpoints docker, EventBus bus) {
        this.registry = registry;
        this.board = board;
        this.docker = docker;
        this.bus = bus;
    }

    void start(@Observes StartupEvent ignored) {
        docker.watch(this::onDockerEvent);
    }

    private void onDockerEvent(String endpoint, DockerEvent e) {
        String container = e.name() == null ? e.containerId() : e.name();
        for (ServiceRegistry.Bound b : registry.all()) {
            if (b.service().runtime() instanceof RuntimeRef.Docker d
                    && d.endpoint().equals(endpoint)
                    && d.container().equals(container)) {
                ContainerStateChanges.of(docker, endpoint, e, b.name()).ifPresent(change -> {
                    try {
                        bus.publish(change);
                    } catch (RuntimeException ex) {
                        LOG.warnf("State change of %s not published: %s", b.name(), ex.getMessage());
                    }
                });
            }
        }
    }

    /** The runtime's state now; for an external service, what its URL's last poll said. */
    public RuntimeStatus status(String name) {
        ServiceRegistry.Bound b = registry.require(name);
        if (b.runtime() != null) return b.runtime().status();
        Health h = board.health(name);
        RunState state = switch (h.status()) {
            case ONLINE -> RunState.RUNNING;
            case OFFLINE -> RunState.UNREACHABLE;
            case UNKNOWN -> RunState.UNKNOWN;
        };
        URI url = b.service().url().isEmpty() ? null : URI.create(b.service().url());
        return new RuntimeStatus(
                state,
                null,
                url == null ? null : url.getHost(),
                ServiceRegistry.port(url),
                null,
                null,
                null,
                false,
                "external service: " + h.message());
    }

    private ServiceRuntime runtime(String name) {
        ServiceRegistry.Bound b = registry.require(name);
        if (b.runtime() == null) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Service '" + name + "' is external (reachable by URL only): Hearth cannot start or stop it",
                    Map.of("runtime", b.service().runtime().kind()));
        }
        return b.runtime();
    }

    private <F> F facet(String name, Class<F> facet, String what) {
        ServiceRuntime r = runtime(name);
        if (!facet.isInstance(r)) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Service '" + name + "' runs as " + r.kind() + ", which " + what,
                    Map.of("runtime", r.kind()));
        }
        return facet.cast(r);
    }

    public RuntimeStatus start(String name) {
        return runtime(name).start();
    }

    public RuntimeStatus stop(String name) {
        return runtime(name).stop();
    }

    public RuntimeStatus restart(String name) {
        return runtime(name).restart();
    }

    /** Removes what runs a service (its container). */
    public void remove(String name) {
        facet(name, Removable.class, "cannot be removed; only containers are removed")
                .remove();
    }

    public List<ServiceLogLine> logs(String name, int tail, @Nullable Instant since) {
        return facet(name, Loggable.class, "keeps no output Hearth can read").logs(tail, since);
    }

    public AutoCloseable follow(String name, int tail, Consumer<ServiceLogLine> consumer) {
        return facet(name, Loggable.class, "keeps no output Hearth can read").follow(tail, consumer);
    }

    public ResourceUsage stats(String name) {
        ResourceUsage u = facet(name, Measurable.class, "cannot be measured").stats();
        board.sampled(name, u);
        return u;
    }
}
