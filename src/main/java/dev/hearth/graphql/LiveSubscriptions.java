package dev.hearth.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.downloads.DownloadChannels;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.api.Human;
import dev.hearth.graphql.SeedTypes.SystemMetrics;
import dev.hearth.graphql.SeedTypes.TaskProgress;
import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.security.Authenticator;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.jspecify.annotations.Nullable;

/**
 * {@code taskProgress} and {@code systemMetrics} over graphql-transport-ws, fed by the {@link LiveHub} that
 * feeds {@code /ws}: each subscription is one hub client, so the hub's limits (sockets per caller, slow
 * readers dropped) and its credential sweep hold for it as for a live socket.
 */
@GraphQLApi
public class LiveSubscriptions {
    private final LiveHub hub;
    private final GraphCallers callers;
    private final Authenticator authenticator;
    private final DownloadService downloads;
    private final MetricsCollector host;
    private final ObjectMapper json;

    public LiveSubscriptions(
            LiveHub hub,
            GraphCallers callers,
            Authenticator authenticator,
            DownloadService downloads,
            MetricsCollector host,
            ObjectMapper json) {
        this.hub = hub;
        this.callers = callers;
        this.authenticator = authenticator;
        this.downloads = downloads;
        this.host = host;
        this.json = json;
    }

    /** The task as it stands, then every change the download poller publishes for it. */
    @Subscription
    public Multi<@NonNull TaskProgress> taskProgress(@Name("taskId") @NonNull String taskId) {
        return GraphError.guard(() -> {
            Caller caller = callers.require(Role.VIEWER);
            Task now = downloads.get(taskId); // an unknown task is a NOT_FOUND now, not a silent stream
            return stream(
                    caller,
                    DownloadChannels.TASK_UPDATES.name(),
                    now.id(),
                    progress(now),
                    data -> new TaskProgress(
                            now.id(),
                            Math.round(data.path("progress").asDouble() * 10) / 10.0,
                            Human.rate(data.path("download_speed").asLong()),
                            Human.eta(data.path("eta").asLong(-1)),
                            data.path("status").asText()));
        });
    }

    /** The last host sample, then each new one. */
    @Subscription
    public Multi<@NonNull SystemMetrics> systemMetrics() {
        return GraphError.guard(() -> {
            Caller caller = callers.require(Role.VIEWER);
            return stream(
                    caller,
                    "system_metrics",
                    null,
                    SeedQueries.metricsOf(host.last(), host),
                    data -> new SystemMetrics(
                            data.path("timestamp").asText(),
                            data.path("cpuUsage").asDouble(),
                            data.path("memoryUsage").asDouble(),
                            data.path("disk").path("usage").asDouble(),
                            data.path("network").path("download_speed_bytes").asDouble(),
                            data.path("network").path("upload_speed_bytes").asDouble()));
        });
    }

    private static TaskProgress progress(Task t) {
        return new TaskProgress(
                t.id(),
                Math.round(t.progress() * 10) / 10.0,
                Human.rate(t.downloadSpeed()),
                Human.eta(t.eta()),
                t.status().id());
    }

    private <T> Multi<T> stream(
            Caller caller, String channel, @Nullable String key, T first, Function<JsonNode, T> fromData) {
        if (!hub.mayConnect(caller.id())) {
            throw new ApiException(
                    ErrorCode.RATE_LIMITED, "Too many live connections for this caller: close one first");
        }
        return Multi.createFrom().emitter(emitter -> {
            LiveHub.Client client = hub.connect(
                            new HubSink<>(emitter, fromData, json),
                            LiveHub.Format.ENVELOPE,
                            caller.id(),
                            () -> authenticator.stillValid(caller))
                    .orElse(null);
            if (client == null) {
                emitter.fail(GraphError.of(new ApiException(
                        ErrorCode.RATE_LIMITED, "Too many live connections for this caller: close one first")));
                return;
            }
            emitter.onTermination(() -> hub.disconnect(client));
            emitter.emit(first);
            client.subscribe(channel, key);
        });
    }

    /** Turns the hub's envelope text back into the subscription's type; the hub writes each message once for all. */
    private record HubSink<T>(MultiEmitter<? super T> emitter, Function<JsonNode, T> fromData, ObjectMapper json)
            implements LiveHub.Sink {
        @Override
        public CompletionStage<?> send(String text) {
            try {
                emitter.emit(fromData.apply(json.readTree(text).path("data")));
            } catch (JsonProcessingException e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close(int code, String reason) {
            emitter.fail(GraphError.of(new ApiException(
                    code == LiveHub.POLICY_VIOLATION ? ErrorCode.UNAUTHORIZED : ErrorCode.RATE_LIMITED, reason)));
        }
    }
}
