package dev.hearth.services.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps the engine's JSON to Hearth's records. Read through {@link JsonNode} with defaults rather than
 * bound to classes: the engine adds and drops fields between versions, and a missing field should
 * give an empty value, not a failed call.
 */
final class EngineJson {

    /** Event attributes that are not labels: the engine mixes both into {@code Actor.Attributes}. */
    private static final Set<String> EVENT_ATTRIBUTES =
            Set.of("name", "image", "exitCode", "signal", "execID", "execDuration", "container", "type");

    private EngineJson() {}

    static ContainerSummary summary(JsonNode c) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : c.path("Names")) {
            names.add(stripSlash(n.asText()));
        }
        String status = c.path("Status").asText("");
        return new ContainerSummary(
                c.path("Id").asText(),
                names,
                c.path("Image").asText(""),
                c.path("State").asText(""),
                status,
                ContainerHealth.fromStatusText(status),
                strings(c.path("Labels")),
                Instant.ofEpochSecond(c.path("Created").asLong(0)));
    }

    static ContainerDetails details(JsonNode c) {
        JsonNode state = c.path("State");
        JsonNode config = c.path("Config");
        JsonNode health = state.path("Health").path("Status");
        return new ContainerDetails(
                c.path("Id").asText(),
                stripSlash(c.path("Name").asText("")),
                config.path("Image").asText(""),
                state.path("Status").asText(""),
                state.path("Running").asBoolean(false),
                state.path("ExitCode").asInt(0),
                time(state.path("StartedAt").asText(null)),
                time(state.path("FinishedAt").asText(null)),
                ContainerHealth.of(health.isMissingNode() || health.isNull() ? null : health.asText()),
                state.path("Pid").asInt(0),
                c.path("RestartCount").asInt(0),
                config.path("Tty").asBoolean(false),
                strings(config.path("Labels")));
    }

    static EngineVersion version(JsonNode v, ApiVersion negotiated) {
        return new EngineVersion(
                v.path("Version").asText(""),
                v.path("ApiVersion").asText(""),
                v.path("MinAPIVersion").asText(""),
                v.path("Os").asText(""),
                v.path("Arch").asText(""),
                v.path("KernelVersion").asText(""),
                negotiated.toString());
    }

    /** Null for events that are not about a container (the stream is filtered, but be defensive). */
    static @Nullable DockerEvent event(JsonNode e) {
        String type = e.path("Type").asText("");
        if (!type.equals("container")) {
            return null;
        }
        JsonNode actor = e.path("Actor");
        Map<String, String> attributes = strings(actor.path("Attributes"));
        // e.g. "health_status: healthy", "exec_start: sh -c ..."
        String action = e.path("Action").asText(e.path("status").asText(""));
        String detail = null;
        int colon = action.indexOf(':');
        if (colon > 0) {
            detail = action.substring(colon + 1).trim();
            action = action.substring(0, colon).trim();
        }
        Integer exitCode = null;
        String exit = attributes.get("exitCode");
        if (exit != null) {
            try {
                exitCode = Integer.valueOf(exit);
            } catch (NumberFormatException ignored) {
                // leave null: the engine wrote something we do not understand
            }
        }
        Map<String, String> labels = new LinkedHashMap<>(attributes);
        labels.keySet().removeAll(EVENT_ATTRIBUTES);
        long nanos = e.path("timeNano").asLong(0);
        Instant time = nanos > 0
                ? Instant.ofEpochSecond(0, nanos)
                : Instant.ofEpochSecond(e.path("time").asLong(0));
        String id = actor.path("ID").asText(e.path("id").asText(""));
        return new DockerEvent(type, action, detail, id, attributes.get("name"), exitCode, labels, time);
    }

    /** Docker writes "0001-01-01T00:00:00Z" for "never". */
    static @Nullable Instant time(@Nullable String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-01-01")) {
            return null;
        }
        return LogDecoder.parseTimestamp(text);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
