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
        Security security,
        RateLimits rateLimits,
        Metrics metrics,
        Logs logs,
        @JsonIgnore Sections sections) {

    public HearthConfig {
        sections = sections == null ? Sections.none() : sections;
    }

    /** A feature's section, by its record type: {@code config.section(DownloadsConfig.class)}. */
    public <T extends Record> T section(Class<T> type) {
        return sections.get(type);
    }

    public HearthConfig withSections(Sections s) {
        return new HearthConfig(domain, mediaDir, downloadsDir, dataDir, server, storage, security, rateLimits, metrics, logs, s);
    }

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
}
