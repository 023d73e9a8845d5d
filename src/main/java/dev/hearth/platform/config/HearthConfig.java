package dev.hearth.platform.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hearth's whole configuration, immutable and validated once: the platform's own keys here, and the
 * sections features own ({@link ConfigSection}) by their record type through {@link #section}. Every key
 * has its default (hearth-defaults.yml, or the section's {@code defaults()}) and its documentation in
 * {@code docs/configuration.md}.
 */
public record HearthConfig(
        String domain,
        String mediaDir,
        String downloadsDir,
        @RestartRequired Path dataDir,
        @RestartRequired Server server,
        @RestartRequired Storage storage,
        @NotChangeableAtRunTime(reason = SECURITY_IN_FILE) Security security,
        @NotChangeableAtRunTime(reason = SECURITY_IN_FILE) RateLimits rateLimits,
        @NotChangeableAtRunTime(reason = SECURITY_IN_FILE) Metrics metrics,
        Logs logs,
        @JsonIgnore Sections sections) {

    /**
     * Who is trusted, how callers authenticate and how much they may ask: an admin key, or a session taken
     * over, must not be able to widen these through the API. They change in hearth.yml (or the environment).
     */
    static final String SECURITY_IN_FILE =
            "security settings change only in hearth.yml or the environment, not through the API";

    public HearthConfig {
        sections = sections == null ? Sections.none() : sections;
    }

    /** A feature's section, by its record type: {@code config.section(DownloadsConfig.class)}. */
    public <T extends Record> T section(Class<T> type) {
        return sections.get(type);
    }

    public HearthConfig withSections(Sections s) {
        return new HearthConfig(
                domain, mediaDir, downloadsDir, dataDir, server, storage, security, rateLimits, metrics, logs, s);
    }

    /** {@code max_body_size} is the largest body anything accepts (a .torrent upload); JSON bodies have their own, smaller limit. */
    public record Server(String host, int port, ByteSize maxBodySize, ByteSize maxJsonBodySize) {}

    public record Storage(
            String kind,
            String url,
            String username,
            @Secret String password,
            int poolSize) {
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isPostgresql() {
            return "postgresql".equals(kind);
        }
    }

    public record Security(
            @NotChangeableAtRunTime(
                    reason = "the admin key is taken only at first start; create keys under /api/v1/keys")
            @Secret
            String adminApiKey,

            Duration sessionTtl,
            boolean secureCookies,
            List<String> trustedProxies,
            ForwardAuth forwardAuth,
            Login login,
            Duration auditRetention) {}

    public record ForwardAuth(
            boolean enabled,
            String userHeader,
            String groupsHeader,
            List<String> adminGroups,
            List<String> operatorGroups,
            String defaultRole,
            SecretHeader secretHeader) {}

    /**
     * A header the proxy must send with every forward-auth request, and its value: proof that the request
     * passed through the proxy (a container on the same network could otherwise talk to Hearth directly
     * from a trusted address). An empty value: none required.
     */
    public record SecretHeader(String name, @Secret String value) {
        public SecretHeader {
            name = name == null || name.isBlank() ? "X-Hearth-Proxy-Secret" : name;
            value = value == null ? "" : value;
        }
    }

    /** {@code max_failures} per address and user name, {@code address_max_failures} per address (many names). */
    public record Login(int maxFailures, Duration window, Duration lockout, int addressMaxFailures) {}

    public record RateLimits(int defaultPerMinute, Map<String, RateLimitGroup> groups) {}

    public record RateLimitGroup(String pathPrefix, int perMinute) {}

    /**
     * {@code openOnLoopback}: a scrape from this machine itself, not through a proxy, needs no key even when
     * {@code requireAuth} holds (a local Prometheus without a secret in its file).
     */
    public record Metrics(boolean requireAuth, boolean openOnLoopback) {}

    /** The in-memory log: at most {@code buffer_size} lines and {@code buffer_bytes} of text, whichever is reached first. */
    public record Logs(String level, int bufferSize, ByteSize bufferBytes) {}
}
