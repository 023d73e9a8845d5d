package dev.hearth.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hearth's whole configuration, immutable and validated once. Every key has its default in
 * {@code hearth-defaults.yml} and its documentation in {@code docs/configuration.md}.
 */
public record HearthConfig(
        String domain,
        String mediaDir,
        String downloadsDir,
        @RestartRequired Path dataDir,
        @RestartRequired Server server,
        @RestartRequired Storage storage,
        Security security,
        RateLimits rateLimits,
        Metrics metrics,
        Logs logs,
        @NotChangeableAtRunTime(reason = "services are edited under /api/v1/services") List<ServiceEntry> services,
        @RestartRequired Docker docker) {

    public record Server(String host, int port, ByteSize maxBodySize) {}

    public record Storage(String kind, String url, String username, @Secret String password, int poolSize) {
        public boolean isPostgresql() {
            return "postgresql".equals(kind);
        }
    }

    public record Security(
            @NotChangeableAtRunTime(reason = "the admin key is taken only at first start; create keys under /api/v1/keys")
            @Secret String adminApiKey,
            Duration sessionTtl,
            boolean secureCookies,
            List<String> trustedProxies,
            ForwardAuth forwardAuth,
            Login login) {}

    public record ForwardAuth(
            boolean enabled,
            String userHeader,
            String groupsHeader,
            List<String> adminGroups,
            List<String> operatorGroups,
            String defaultRole) {}

    public record Login(int maxFailures, Duration window, Duration lockout) {}

    public record RateLimits(int defaultPerMinute, Map<String, RateLimitGroup> groups) {}

    public record RateLimitGroup(String pathPrefix, int perMinute) {}

    public record Metrics(boolean requireAuth) {}

    public record Logs(String level, int bufferSize) {}

    /** A thing on the home server; issue-by-issue it grows a runtime and more integrations. */
    public record ServiceEntry(
            String name,
            String displayName,
            String group,
            String icon,
            String url,
            String integration,
            Duration checkInterval,
            Duration timeout,
            @Secret Map<String, String> credentials,
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
            credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        }
    }

    /** How Hearth starts, stops and measures a service: at most one of docker and process; neither means external. */
    public record Runtime(DockerRuntime docker, ProcessRuntime process) {}

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

    /** The Docker engines Hearth watches, each by name; services and discovery refer to them by that name. */
    public record Docker(List<DockerEndpoint> endpoints, String traefikApi, Duration discoveryInterval) {
        public Docker {
            endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
            traefikApi = traefikApi == null ? "" : traefikApi;
            discoveryInterval = discoveryInterval == null ? Duration.ofMinutes(5) : discoveryInterval;
        }
    }

    /**
     * One engine: {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}; with {@code tls_cert_path}
     * (a directory of ca.pem, cert.pem, key.pem, as DOCKER_CERT_PATH) tcp connections use mutual TLS.
     */
    public record DockerEndpoint(String name, String host, String tlsCertPath, Duration timeout) {
        public DockerEndpoint {
            tlsCertPath = tlsCertPath == null ? "" : tlsCertPath;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }
}
