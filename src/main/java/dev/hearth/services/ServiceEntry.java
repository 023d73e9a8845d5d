package dev.hearth.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.platform.config.ByteSize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code services[]} entry: a thing on the home server, with how Hearth talks to it ({@code integration}
 * and its {@code credentials}, bound to the kind's own settings record) and how it runs ({@code runtime}).
 */
public record ServiceEntry(
        String name,
        String displayName,
        String group,
        String icon,
        String url,
        String integration,
        Duration checkInterval,
        Duration timeout,
        JsonNode credentials,
        Runtime runtime) {

    public ServiceEntry {
        runtime = runtime == null ? new Runtime(null, null) : runtime;
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        group = group == null ? "" : group;
        icon = icon == null ? "" : icon;
        url = url == null ? "" : url;
        integration = integration == null || integration.isBlank() ? "http" : integration;
        checkInterval = checkInterval == null ? Duration.ofSeconds(30) : checkInterval;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        credentials = credentials == null || credentials.isNull()
                ? JsonNodeFactory.instance.objectNode()
                : credentials.deepCopy();
    }

    /** How Hearth starts, stops and measures a service: at most one of docker and process; neither means external. */
    public record Runtime(
            @Nullable DockerRuntime docker, @Nullable ProcessRuntime process) {}

    /** A container on a named endpoint of {@code docker.endpoints}. */
    public record DockerRuntime(String container, String endpoint) {
        public DockerRuntime {
            container = container == null ? "" : container;
            endpoint = endpoint == null || endpoint.isBlank() ? "local" : endpoint;
        }
    }

    /** A native program Hearth starts and supervises; its output goes to rotating files under the data dir. */
    public record ProcessRuntime(
            List<String> command,
            Map<String, String> env,
            String workingDir,
            String stopSignal,
            Duration stopTimeout,
            String restart,
            Duration backoff,
            Duration maxBackoff,
            Integer crashLoopLimit,
            Duration crashLoopWindow,
            Boolean autostart,
            ByteSize logMaxSize,
            Integer logFiles) {

        public ProcessRuntime {
            command = command == null ? List.of() : List.copyOf(command);
            env = env == null ? Map.of() : Map.copyOf(env);
            workingDir = workingDir == null ? "" : workingDir;
            stopSignal = stopSignal == null || stopSignal.isBlank() ? "TERM" : stopSignal;
            stopTimeout = stopTimeout == null ? Duration.ofSeconds(10) : stopTimeout;
            restart = restart == null || restart.isBlank() ? "on-failure" : restart;
            backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
            crashLoopLimit = crashLoopLimit == null ? 5 : crashLoopLimit;
            crashLoopWindow = crashLoopWindow == null ? Duration.ofMinutes(10) : crashLoopWindow;
            autostart = autostart == null || autostart;
            logMaxSize = logMaxSize == null ? ByteSize.parse("10MB") : logMaxSize;
            logFiles = logFiles == null ? 3 : logFiles;
        }
    }
}
