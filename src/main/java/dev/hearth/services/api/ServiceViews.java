package dev.hearth.services.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.integration.Health;
import dev.hearth.services.ResourceUsage;
import dev.hearth.services.RuntimeRef;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.Service;
import dev.hearth.services.ServiceHealth;
import dev.hearth.services.ServiceLogLine;
import dev.hearth.services.ServiceSettingsView;
import dev.hearth.services.docker.PublishedPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of services, with the fields the seeds show (Monsterr's list and health, Moccha's status). */
public final class ServiceViews {
    private ServiceViews() {}

    /**
     * A service as listed; {@code endpoint} and {@code container} only for a container, {@code discovered_from} and
     * {@code ports} only when there are some, and {@code health} and {@code config} in the single service's answer.
     */
    public record ServiceView(
            String name,
            String displayName,
            String group,
            String icon,
            String url,
            String status,
            @Nullable Integer port,
            String integration,
            String runtime,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String endpoint,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String container,

            String source,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String discoveredFrom,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            List<PublishedPort> ports,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            HealthView health,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            ServiceSettingsView config) {

        ServiceView withDetails(HealthView health, ServiceSettingsView config) {
            return new ServiceView(
                    name,
                    displayName,
                    group,
                    icon,
                    url,
                    status,
                    port,
                    integration,
                    runtime,
                    endpoint,
                    container,
                    source,
                    discoveredFrom,
                    ports,
                    health,
                    config);
        }
    }

    /** The health board's entry for one service. */
    public record HealthView(String status, String detail, String message, Instant checkedAt) {
        static HealthView of(Health h) {
            return new HealthView(h.status().name(), h.detail().name(), h.message(), h.checkedAt());
        }
    }

    static ServiceView service(Service s, RuntimeStatus st) {
        RuntimeRef.Docker docker = s.runtime() instanceof RuntimeRef.Docker d ? d : null;
        return new ServiceView(
                s.name(),
                s.displayName(),
                s.group(),
                s.icon(),
                dev.hearth.platform.config.SecretsInUrls.redact(s.url()),
                st.state().word(),
                st.port(),
                s.integration(),
                s.runtime().kind(),
                docker == null ? null : docker.endpoint(),
                docker == null ? null : docker.container(),
                s.source(),
                s.discoveredFrom().isEmpty() ? null : s.discoveredFrom(),
                s.ports().isEmpty() ? null : s.ports(),
                null,
                null);
    }

    /** Moccha's status, with how long it has run (in words and seconds) and how its last run ended. */
    public record StatusView(
            String service,
            boolean running,
            String state,
            @Nullable String host,
            @Nullable Integer port,
            @Nullable Long pid,
            boolean connected,
            @Nullable Instant startedAt,
            @Nullable String uptime,
            @Nullable Long uptimeSeconds,
            @Nullable Integer exitCode,
            @Nullable Boolean stoppedThroughHearth,
            @Nullable String health,
            String message) {}

    static StatusView status(String name, RuntimeStatus st, Clock clock, boolean connected) {
        Duration up = st.uptime(clock.instant());
        return new StatusView(
                name,
                st.running(),
                st.state().word(),
                st.host(),
                st.port(),
                st.pid(),
                connected,
                st.startedAt(),
                up == null ? null : Durations.human(up),
                up == null ? null : up.toSeconds(),
                st.exitCode(),
                st.exitCode() == null ? null : st.expected(),
                st.health(),
                st.message());
    }

    /** Monsterr's health row: uptime in words and seconds, memory in GB and bytes, and the same under {@code metrics}. */
    public record HealthRow(
            String name,
            String status,
            String health,
            String message,
            Instant lastCheck,
            long latencyMs,
            long ageMs,
            @Nullable String uptime,
            @Nullable Long uptimeSeconds,
            @Nullable Double cpu,
            @Nullable Double memory,
            @Nullable Long memoryBytes,
            Metrics metrics) {
        public record Metrics(
                @Nullable String uptime,
                @Nullable Double memory,
                @Nullable Double cpu) {}
    }

    static HealthRow health(ServiceHealth h) {
        Long seconds = h.uptimeSeconds();
        Long bytes = h.memoryBytes();
        String uptime = seconds == null ? null : Durations.human(Duration.ofSeconds(seconds));
        Double memoryGb = bytes == null ? null : Math.round(bytes / 1e7) / 100.0;
        return new HealthRow(
                h.name(),
                h.status(),
                h.health(),
                h.message(),
                h.lastCheck(),
                h.latencyMs(),
                h.ageMs(),
                uptime,
                seconds,
                h.cpuPercent(),
                memoryGb,
                bytes,
                new HealthRow.Metrics(uptime, memoryGb, h.cpuPercent()));
    }

    /** A runtime's resource use, as {@code docker stats} shows it. */
    public record StatsView(
            String service,
            double cpuPercent,
            long memoryUsed,
            long memoryLimit,
            double memoryPercent,
            Network network,
            BlockIo blockIo)
            implements ServicesResource.StatsAnswer {
        public record Network(long rxBytes, long txBytes) {}

        public record BlockIo(long readBytes, long writeBytes) {}
    }

    static StatsView stats(String name, ResourceUsage u) {
        return new StatsView(
                name,
                Math.round(u.cpuPercent() * 100) / 100.0,
                u.memoryUsed(),
                u.memoryLimit(),
                Math.round(u.memoryPercent() * 100) / 100.0,
                new StatsView.Network(u.netRx(), u.netTx()),
                new StatsView.BlockIo(u.blockRead(), u.blockWrite()));
    }

    /** One line of output, with the time it was written ({@code null} if unknown) unless the caller asked without. */
    public sealed interface LogLine permits TimedLine, UntimedLine {}

    public record TimedLine(@Nullable Instant time, String stream, String text) implements LogLine {}

    public record UntimedLine(String stream, String text) implements LogLine {}

    static LogLine line(ServiceLogLine l, boolean timestamps) {
        return timestamps ? new TimedLine(l.time(), l.stream(), l.text()) : new UntimedLine(l.stream(), l.text());
    }
}
