package dev.hearth.services.docker;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.Loggable;
import dev.hearth.services.Measurable;
import dev.hearth.services.Removable;
import dev.hearth.services.ResourceUsage;
import dev.hearth.services.RunState;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.ServiceLogLine;
import dev.hearth.services.ServiceRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A service that is a container on a named endpoint. Engine failures become the answers a user needs:
 * a container that is gone is 404 naming it and the endpoint, an engine that does not answer is 503.
 */
public final class DockerServiceRuntime implements ServiceRuntime, Loggable, Measurable, Removable {
    /** Docker's own default grace period before SIGKILL. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String service;
    private final String endpoint;
    private final String container;
    private final DockerEndpoints endpoints;
    private final @Nullable String host;
    private final @Nullable Integer port;
    private final Duration stopTimeout;

    public DockerServiceRuntime(
            String service,
            String endpoint,
            String container,
            DockerEndpoints endpoints,
            @Nullable String host,
            @Nullable Integer port,
            Duration stopTimeout) {
        this.service = service;
        this.endpoint = endpoint;
        this.container = container;
        this.endpoints = endpoints;
        this.host = host;
        this.port = port;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public String kind() {
        return "docker";
    }

    public String endpoint() {
        return endpoint;
    }

    public String container() {
        return container;
    }

    private DockerEngineClient client() {
        return endpoints.require(endpoint);
    }

    @Override
    public RuntimeStatus status() {
        try {
            return toStatus(client().inspect(container));
        } catch (DockerException.NotFound e) {
            return new RuntimeStatus(
                    RunState.UNKNOWN,
                    null,
                    host,
                    port,
                    null,
                    null,
                    null,
                    false,
                    "no container '" + container + "' on Docker endpoint '" + endpoint + "'");
        } catch (DockerException e) {
            return RuntimeStatus.unreachable("Docker endpoint '" + endpoint + "': " + e.getMessage());
        }
    }

    private RuntimeStatus toStatus(ContainerDetails d) {
        RunState state = RunState.ofDocker(d.state());
        boolean ended = !d.running() && d.finishedAt() != null;
        boolean expected = ended && endpoints.lastExitExpected(endpoint, container);
        if (state == RunState.EXITED && expected) state = RunState.STOPPED;
        String health =
                d.health() == ContainerHealth.NONE ? null : d.health().name().toLowerCase(Locale.ROOT);
        String message = d.running()
                ? "container " + d.name() + " running" + (health == null ? "" : " (" + health + ")")
                : ended
                        ? "container " + d.name() + " exited with code " + d.exitCode()
                                + (expected ? " (stopped through Hearth)" : "")
                        : "container " + d.name() + " " + d.state();
        return new RuntimeStatus(
                state,
                d.running() ? (long) d.pid() : null,
                host,
                port,
                d.running() ? d.startedAt() : null,
                ended ? d.exitCode() : null,
                health,
                expected,
                message);
    }

    @Override
    public RuntimeStatus start() {
        call(() -> {
            client().start(container);
            return null;
        });
        return status();
    }

    @Override
    public RuntimeStatus stop() {
        call(() -> {
            endpoints.expectExit(endpoint, container, stopTimeout);
            client().stop(container, stopTimeout);
            endpoints.recordExit(endpoint, container, true);
            return null;
        });
        return status();
    }

    @Override
    public RuntimeStatus restart() {
        call(() -> {
            endpoints.expectExit(endpoint, container, stopTimeout);
            client().restart(container, stopTimeout);
            return null;
        });
        return status();
    }

    /** Removes the container (admin only, through the catalog); a running one is killed first. */
    @Override
    public void remove() {
        call(() -> {
            endpoints.expectExit(endpoint, container, Duration.ZERO);
            client().remove(container, true);
            return null;
        });
    }

    @Override
    public List<ServiceLogLine> logs(int tail, @Nullable Instant since) {
        // The engine's since is inclusive; Hearth's means "after", as for a process's output.
        return call(() -> client().logs(container, tail, since, true).stream()
                .map(DockerServiceRuntime::line)
                .filter(l -> since == null || l.time() == null || l.time().isAfter(since))
                .toList());
    }

    @Override
    public AutoCloseable follow(int tail, Consumer<ServiceLogLine> consumer) {
        return call(() -> client().followLogs(container, tail, null, true, l -> consumer.accept(line(l))));
    }

    private static ServiceLogLine line(LogLine l) {
        return new ServiceLogLine(l.timestamp(), l.stream().name().toLowerCase(Locale.ROOT), l.text());
    }

    @Override
    public ResourceUsage stats() {
        ContainerStats s = call(() -> client().stats(container));
        return new ResourceUsage(
                s.cpuPercent(),
                s.memoryUsed(),
                s.memoryLimit(),
                s.memoryPercent(),
                s.netRx(),
                s.netTx(),
                s.blockRead(),
                s.blockWrite());
    }

    private <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (DockerException.NotFound e) {
            throw new ApiException(
                    ErrorCode.NOT_FOUND,
                    "Service '" + service + "': no container '" + container + "' on Docker endpoint '" + endpoint + "'",
                    Map.of("endpoint", endpoint, "container", container));
        } catch (DockerException.EngineUnavailable e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Docker endpoint '" + endpoint + "' is not reachable: " + e.getMessage(),
                    Map.of("endpoint", endpoint));
        } catch (DockerException.Conflict e) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    String.valueOf(e.getMessage()),
                    Map.of("endpoint", endpoint, "container", container));
        } catch (DockerException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Docker endpoint '" + endpoint + "': " + e.getMessage(),
                    Map.of("endpoint", endpoint));
        }
    }
}
