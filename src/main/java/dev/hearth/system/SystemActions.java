package dev.hearth.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.logging.LogStore;
import dev.hearth.platform.security.ApiKeyService;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.HealthBoard;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The actions that change Hearth itself: API keys and run-time configuration. */
@Singleton
public class SystemActions implements ActionProvider {
    private final ApiKeyService keys;
    private final ConfigService config;
    private final Clock clock;
    private final MetricsCollector host;
    private final HealthBoard services;
    private final SystemInfo info;
    private final LogStore log;

    public SystemActions(
            ApiKeyService keys,
            ConfigService config,
            Clock clock,
            MetricsCollector host,
            HealthBoard services,
            SystemInfo info,
            LogStore log) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.host = host;
        this.services = services;
        this.info = info;
        this.log = log;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "keys.create",
                                "Create an API key; its secret is shown once",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required("name", Type.STRING, "what the key is for, e.g. 'prometheus'"),
                                        Param.required("role", Type.STRING, "viewer, operator or admin"),
                                        Param.optional(
                                                "expires_at",
                                                Type.STRING,
                                                "ISO-8601 time after which the key stops working"))),
                        this::createKey),
                new Action(
                        new ActionSpec(
                                "keys.revoke",
                                "Revoke an API key at once",
                                Role.ADMIN,
                                true,
                                List.of(Param.required("id", Type.INTEGER, "the key's id"))),
                        this::revokeKey),
                new Action(
                        new ActionSpec(
                                "config.update",
                                "Change configuration keys at run time",
                                Role.ADMIN,
                                false,
                                List.of(Param.required(
                                        "changes", Type.OBJECT, "keys to change, nested as in hearth.yml"))),
                        this::updateConfig),
                // reads, for the chat doors and MCP
                new Action(
                        new ActionSpec(
                                "system.status",
                                "Hearth's status: version, uptime, CPU, memory and disk usage, and the services' health as last checked (the health board)",
                                Role.VIEWER,
                                false,
                                List.of()),
                        c -> status()),
                new Action(
                        new ActionSpec(
                                "system.logs",
                                "Hearth's own recent log lines, newest first",
                                Role.VIEWER,
                                false,
                                List.of(
                                        Param.optional(
                                                "level",
                                                Type.STRING,
                                                "the lowest level shown: debug, info (default), warn or error"),
                                        Param.optional(
                                                "limit", Type.INTEGER, "at most this many, 1 to 500 (default 50)"))),
                        this::logs));
    }

    /** The answer of system.status. */
    public record Status(
            String status,
            String version,
            String uptime,
            long uptimeSeconds,
            double cpuUsage,
            double memoryUsage,
            double diskUsage,
            HealthBoard.Summary services) {}

    /** The answer of system.logs: Hearth's own lines, newest first. */
    public record Logs(List<LogStore.Entry> logs) {}

    private Status status() {
        HostSnapshot s = host.last();
        Duration up = info.uptime();
        return new Status(
                "running",
                info.version(),
                Durations.human(up),
                up.toSeconds(),
                s.cpu().usage(),
                s.memory().usage(),
                s.disks().isEmpty() ? 0.0 : host.primaryDisk(s).usage(),
                services.summary(false));
    }

    private Logs logs(ActionCall call) {
        String level = call.optionalString("level").orElse("info");
        if (!LogStore.isLevel(level)) throw ApiException.invalid("level", "must be debug, info, warn or error");
        long limit = call.params().has("limit") ? call.integer("limit") : 50;
        if (limit < 1 || limit > 500) throw ApiException.invalid("limit", "must be between 1 and 500");
        return new Logs(log.query(level, (int) limit, Instant.EPOCH));
    }

    /** A new key as the API shows keys, with its secret, shown this once. */
    public record CreatedKey(
            long id,
            String name,
            String role,
            String prefix,
            String createdBy,
            java.time.Instant createdAt,
            java.time.@org.jspecify.annotations.Nullable Instant expiresAt,
            java.time.@org.jspecify.annotations.Nullable Instant lastUsedAt,
            String key) {}

    public record Revoked(long id, boolean revoked) {}

    public record ConfigChanged(
            List<String> updated,
            List<String> restartRequired,
            com.fasterxml.jackson.databind.node.ObjectNode config) {}

    private CreatedKey createKey(ActionCall call) {
        String name = call.string("name").trim();
        if (name.isEmpty() || name.length() > 64) throw ApiException.invalid("name", "must be 1 to 64 characters");
        Role role = Role.find(call.string("role"))
                .orElseThrow(() -> ApiException.invalid("role", "must be viewer, operator or admin"));
        Instant expires = call.optionalString("expires_at")
                .map(text -> {
                    try {
                        return Instant.parse(text);
                    } catch (DateTimeParseException e) {
                        throw ApiException.invalid(
                                "expires_at", "'" + text + "' is not an ISO-8601 time like 2026-12-31T00:00:00Z");
                    }
                })
                .orElse(null);
        if (expires != null && !expires.isAfter(clock.instant()))
            throw ApiException.invalid("expires_at", "must be in the future");
        ApiKeyService.NewKey created =
                keys.create(name, role, expires, call.caller().label());
        KeyView v = KeyView.of(created.key());
        return new CreatedKey(
                v.id(),
                v.name(),
                v.role(),
                v.prefix(),
                v.createdBy(),
                v.createdAt(),
                v.expiresAt(),
                v.lastUsedAt(),
                created.secret());
    }

    private Revoked revokeKey(ActionCall call) {
        long id = call.integer("id");
        if (!keys.revoke(id)) {
            throw new ApiException(
                    ErrorCode.NOT_FOUND,
                    "API key " + id + " not found (or already revoked)",
                    Map.of(
                            "known",
                            keys.list().stream().map(ApiKeyService.ApiKey::id).toList()));
        }
        return new Revoked(id, true);
    }

    private ConfigChanged updateConfig(ActionCall call) {
        JsonNode changes = call.params().get("changes");
        ConfigService.Change change = config.change(changes.deepCopy());
        return new ConfigChanged(change.updated(), change.restartRequired(), config.redactedView());
    }
}
