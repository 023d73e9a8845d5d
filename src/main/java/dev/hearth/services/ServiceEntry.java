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
 * {@code labels} are the owner's labels for a service Docker does not run, read as a container's would be (the hub's
 * {@code hearth.api.*}); for a container they are laid over its own.
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
        Runtime runtime,
        Map<String, String> labels) {

    /** An entry without labels. */
    public ServiceEntry(
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
        this(name, displayName, group, icon, url, integration, checkInterval, timeout, credentials, runtime, Map.of());
    }

    /** At most this many labels on an entry. */
    public static final int MAX_LABELS = 64;

    private static final java.util.regex.Pattern LABEL_KEY =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** What is wrong with these labels (keys as Docker's: letters, digits, '.', '-', '_'; values up to 1,000 characters), if anything. */
    public static java.util.Optional<String> labelProblem(Map<String, String> labels) {
        if (labels.size() > MAX_LABELS) return java.util.Optional.of("at most " + MAX_LABELS + " labels");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!LABEL_KEY.matcher(e.getKey()).matches())
                return java.util.Optional.of("a label is letters, digits, '.', '-' and '_', e.g. hearth.api.type");
            if (e.getValue() == null || e.getValue().length() > 1000)
                return java.util.Optional.of("the value of " + e.getKey() + " is a text of at most 1000 characters");
        }
        return java.util.Optional.empty();
    }

    public ServiceEntry {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
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
