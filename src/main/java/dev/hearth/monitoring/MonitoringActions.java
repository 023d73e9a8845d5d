package dev.hearth.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The alert actions, for every door: raise by hand, acknowledge, resolve, change the alert settings. */
@Singleton
public class MonitoringActions implements ActionProvider {
    private static final Set<String> METRICS = Set.of("cpu", "memory", "disk", "swap", "temperature", "latency");
    private final AlertService alerts;
    private final ConfigService config;
    private final ObjectMapper json;
    private final MetricsCollector host;

    public MonitoringActions(AlertService alerts, ConfigService config, ObjectMapper json, MetricsCollector host) {
        this.alerts = alerts;
        this.config = config;
        this.json = json;
        this.host = host;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "alerts.raise",
                                "Raise an alert by hand (it stays until resolved)",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.required("level", Type.STRING, "info, warning, error or critical"),
                                        Param.required("message", Type.STRING, "what is wrong, for a person"),
                                        Param.optional("source", Type.STRING, "where it comes from; default 'manual'"),
                                        Param.optional("details", Type.OBJECT, "any JSON object"))),
                        this::raise),
                new Action(
                        new ActionSpec(
                                "alerts.acknowledge",
                                "Acknowledge an alert: seen, being handled",
                                Role.OPERATOR,
                                false,
                                List.of(Param.required("id", Type.STRING, "the alert's id, e.g. alert-12"))),
                        this::acknowledge),
                new Action(
                        new ActionSpec(
                                "alerts.resolve",
                                "Resolve an alert by hand",
                                Role.OPERATOR,
                                false,
                                List.of(Param.required("id", Type.STRING, "the alert's id, e.g. alert-12"))),
                        this::resolve),
                new Action(
                        new ActionSpec(
                                "alerts.update_settings",
                                "Change alert thresholds and notification settings",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.optional(
                                                "thresholds",
                                                Type.OBJECT,
                                                "per metric {warning, critical}: cpu, memory, disk, swap, temperature, latency"),
                                        Param.optional("notifications", Type.OBJECT, "{email, desktop, minLevel}"))),
                        this::updateSettings),
                // reads, for the chat doors and MCP
                new Action(
                        new ActionSpec(
                                "alerts.list",
                                "List alerts, newest first: open ones (raised or acknowledged) unless asked otherwise",
                                Role.VIEWER,
                                false,
                                List.of(
                                        Param.optional(
                                                "state",
                                                Type.STRING,
                                                "open (default), raised, acknowledged, resolved or all"),
                                        Param.optional(
                                                "limit", Type.INTEGER, "at most this many, 1 to 100 (default 20)"))),
                        this::list),
                new Action(
                        new ActionSpec(
                                "monitoring.host",
                                "The host's last sample: CPU, memory and every disk, with usage in percent",
                                Role.VIEWER,
                                false,
                                List.of()),
                        c -> hostNow()));
    }

    /** The answer of alerts.list: the alerts asked for, and how many are open in all. */
    public record AlertList(List<AlertView> alerts, long open) {}

    /** The answer of monitoring.host: the last sample, in percent and bytes; the temperature is null without a sensor. */
    public record HostNow(Instant at, Cpu cpu, Memory memory, List<Disk> disks, String primaryDisk) {
        public record Cpu(
                double usagePercent,
                int cores,
                double load1,
                @Nullable Double temperatureCelsius) {}

        public record Memory(long totalBytes, long usedBytes, long availableBytes, double usagePercent) {}

        public record Disk(String mount, long totalBytes, long usedBytes, long freeBytes, double usagePercent) {}
    }

    private AlertList list(ActionCall call) {
        String state = call.optionalString("state").orElse("open").trim().toLowerCase(java.util.Locale.ROOT);
        long limit = call.params().has("limit") ? call.integer("limit") : 20;
        if (limit < 1 || limit > 100) throw ApiException.invalid("limit", "must be between 1 and 100");
        Alert.State exact = switch (state) {
            case "open", "all" -> null;
            case "raised" -> Alert.State.RAISED;
            case "acknowledged" -> Alert.State.ACKNOWLEDGED;
            case "resolved" -> Alert.State.RESOLVED;
            default -> throw ApiException.invalid("state", "must be open, raised, acknowledged, resolved or all");
        };
        // open alerts are few (one per condition): reading a bounded page and dropping the resolved ones is enough
        List<AlertView> found = alerts
                .list(null, exact, java.time.Instant.EPOCH, state.equals("open") ? 500 : (int) limit, 0)
                .alerts()
                .stream()
                .filter(a -> !state.equals("open") || a.resolvedAt() == null)
                .limit(limit)
                .map(AlertView::of)
                .toList();
        return new AlertList(found, alerts.summary().open());
    }

    private HostNow hostNow() {
        HostSnapshot s = host.last();
        return new HostNow(
                s.at(),
                new HostNow.Cpu(
                        s.cpu().usage(),
                        s.cpu().cores().size(),
                        s.cpu().load1(),
                        s.cpu().temperature()),
                new HostNow.Memory(
                        s.memory().total(),
                        s.memory().used(),
                        s.memory().available(),
                        s.memory().usage()),
                s.disks().stream()
                        .map(d -> new HostNow.Disk(d.mount(), d.total(), d.used(), d.free(), d.usage()))
                        .toList(),
                s.disks().isEmpty() ? "" : host.primaryDisk(s).mount());
    }

    private AlertView raise(ActionCall call) {
        AlertLevel level = AlertLevel.find(call.string("level"))
                .orElseThrow(() -> ApiException.invalid("level", "must be info, warning, error or critical"));
        String message = call.string("message").trim();
        if (message.isEmpty() || message.length() > 1000)
            throw ApiException.invalid("message", "must be 1 to 1000 characters");
        String source = call.optionalString("source")
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElse("manual");
        JsonNode details = call.params().get("details");
        @SuppressWarnings("unchecked")
        Map<String, Object> map =
                details == null || details.isNull() ? Map.of() : json.convertValue(details, Map.class);
        return AlertView.of(alerts.raise("manual:" + UUID.randomUUID(), level, source, message, map));
    }

    private AlertView acknowledge(ActionCall call) {
        long id = parseId(call.string("id"));
        Alert a = alerts.acknowledge(id, call.caller().label()).orElseThrow(() -> notFound(id));
        return AlertView.of(a);
    }

    private AlertView resolve(ActionCall call) {
        long id = parseId(call.string("id"));
        alerts.resolveById(id, call.caller().label());
        return AlertView.of(alerts.find(id).orElseThrow(() -> notFound(id)));
    }

    /** "alert-12" as the seed shows ids, or a bare 12. */
    public static long parseId(String raw) {
        String t =
                raw.trim().startsWith(AlertView.PREFIX) ? raw.trim().substring(AlertView.PREFIX.length()) : raw.trim();
        try {
            long id = Long.parseLong(t);
            if (id > 0) return id;
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw ApiException.invalid("id", "'" + raw + "' is not an alert id like alert-12");
    }

    private static ApiException notFound(long id) {
        return new ApiException(
                ErrorCode.NOT_FOUND, "Alert " + AlertView.PREFIX + id + " not found", Map.of("list", "/api/v1/alerts"));
    }

    /** The seed's settings shape, mapped onto monitoring.* config keys and applied as a config change (saved, validated). */
    private AlertSettings updateSettings(ActionCall call) {
        ObjectNode monitoring = JsonNodeFactory.instance.objectNode();
        JsonNode t = call.params().get("thresholds");
        if (t != null && !t.isNull()) {
            t.fieldNames().forEachRemaining(name -> {
                if (!METRICS.contains(name)) {
                    throw new ApiException(
                            ErrorCode.INVALID_INPUT,
                            "Unknown threshold '" + name + "'",
                            Map.of(
                                    "field",
                                    "thresholds." + name,
                                    "known",
                                    METRICS.stream().sorted().toList()));
                }
                JsonNode line = t.get(name);
                if (!line.isObject())
                    throw ApiException.invalid("thresholds." + name, "must be an object {warning, critical}");
                ObjectNode out = monitoring.with("thresholds").putObject(name);
                line.fieldNames().forEachRemaining(f -> {
                    if (!Set.of("warning", "critical").contains(f)
                            || !line.get(f).isNumber()) {
                        throw ApiException.invalid(
                                "thresholds." + name + "." + f, "only warning and critical, as numbers");
                    }
                    out.set(f, line.get(f));
                });
            });
        }
        JsonNode n = call.params().get("notifications");
        if (n != null && !n.isNull()) {
            ObjectNode out = monitoring.putObject("notifications");
            n.fieldNames().forEachRemaining(f -> {
                JsonNode v = n.get(f);
                switch (f) {
                    case "email", "desktop" -> {
                        if (!v.isBoolean()) throw ApiException.invalid("notifications." + f, "must be true or false");
                        out.set(f, v);
                    }
                    case "minLevel", "min_level" -> {
                        if (!v.isTextual() || AlertLevel.find(v.asText()).isEmpty()) {
                            throw ApiException.invalid(
                                    "notifications." + f, "must be info, warning, error or critical");
                        }
                        out.put("min_level", v.asText().toLowerCase());
                    }
                    default ->
                        throw ApiException.invalid("notifications." + f, "unknown setting (email, desktop, minLevel)");
                }
            });
        }
        if (monitoring.isEmpty())
            throw new ApiException(ErrorCode.INVALID_INPUT, "Send thresholds and/or notifications to change");
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.set("monitoring", monitoring);
        config.change(patch);
        return settings(config.current().section(MonitoringConfig.class));
    }

    /** The seed's GET/POST /alerts/settings answer; extra metrics and the rule timings beside it. */
    public record AlertSettings(Map<String, Line> thresholds, Notifications notifications, Rules rules) {
        public record Line(double warning, double critical) {}

        /** {@code minLevel} as the seed spells it. */
        public record Notifications(
                boolean email,
                boolean desktop,

                @com.fasterxml.jackson.annotation.JsonProperty("minLevel")
                String minLevel) {}

        public record Rules(
                long forSeconds, double hysteresis, long serviceDownForSeconds, double diskFullWithinHours) {}
    }

    public static AlertSettings settings(MonitoringConfig m) {
        Map<String, AlertSettings.Line> thresholds = new LinkedHashMap<>();
        MonitoringConfig.Thresholds t = m.thresholds();
        thresholds.put("cpu", line(t.cpu()));
        thresholds.put("memory", line(t.memory()));
        thresholds.put("disk", line(t.disk()));
        thresholds.put("swap", line(t.swap()));
        thresholds.put("temperature", line(t.temperature()));
        thresholds.put("latency", line(t.latency()));
        return new AlertSettings(
                thresholds,
                new AlertSettings.Notifications(
                        m.notifications().email(),
                        m.notifications().desktop(),
                        m.notifications().minLevel()),
                new AlertSettings.Rules(
                        m.alerts().forDuration().toSeconds(),
                        m.alerts().hysteresis(),
                        m.alerts().serviceDownFor().toSeconds(),
                        m.alerts().diskFullWithin().toMinutes() / 60.0));
    }

    private static AlertSettings.Line line(MonitoringConfig.Threshold t) {
        return new AlertSettings.Line(t.warning(), t.critical());
    }
}
