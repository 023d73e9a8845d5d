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
        Downloads downloads,
        Monitoring monitoring,
        @NotChangeableAtRunTime(reason = "services are edited under /api/v1/services") List<ServiceEntry> services) {

    public record Server(String host, int port, ByteSize maxBodySize) {}

    public record Storage(String kind, String url, String username, @Secret String password, int poolSize) {
        @com.fasterxml.jackson.annotation.JsonIgnore
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

    /**
     * The downloads feature: how often each client is polled, the secret of the completion webhook (empty:
     * generated into the data dir at first start), what happens to finished files, and the categories.
     */
    public record Downloads(
            @RestartRequired Duration pollInterval,
            @Secret String webhookSecret,
            Completion completion,
            Map<String, Category> categories) {

        public Downloads {
            webhookSecret = webhookSecret == null ? "" : webhookSecret;
            categories = categories == null ? Map.of() : Map.copyOf(categories);
        }
    }

    /** {@code move}, {@code link} (hard link, copy across file systems) or {@code none}. */
    public record Completion(String mode) {}

    /** Where a category's downloads land, and the library its finished files go to (empty: they stay). */
    public record Category(String savePath, String libraryPath) {
        public Category {
            savePath = savePath == null ? "" : savePath;
            libraryPath = libraryPath == null ? "" : libraryPath;
        }
    }
    /** Collectors, history, alert rules and the live hub (docs/configuration.md, "monitoring"). */
    public record Monitoring(
            @RestartRequired Duration interval,
            MonitoringHistory history,
            Thresholds thresholds,
            AlertRules alerts,
            AlertNotifications notifications,
            String latencyTarget,
            @RestartRequired LiveHub live) {}

    public record MonitoringHistory(Duration raw, Duration minute, Duration hour) {}

    /** A metric's two lines; the metric is at a level from the moment it reaches the line. */
    public record Threshold(double warning, double critical) {}

    public record Thresholds(Threshold cpu, Threshold memory, Threshold disk, Threshold swap, Threshold temperature, Threshold latency) {}

    public record AlertRules(
            Duration forDuration,
            double hysteresis,
            Duration serviceDownFor,
            Duration diskFullWithin,
            Duration downloadCheckInterval,
            Duration retention) {}

    /** The seed's notification settings; the notify feature reads them when it routes an alert. */
    public record AlertNotifications(boolean email, boolean desktop, String minLevel) {}

    public record LiveHub(int sendQueue, Duration ticketTtl) {}

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
            @Secret Map<String, String> credentials) {

        public ServiceEntry {
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
}
