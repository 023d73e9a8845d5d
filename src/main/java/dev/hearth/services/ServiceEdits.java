package dev.hearth.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a service that may be changed through the API, and how a change is checked and laid
 * over hearth.yml. The runtime and credentials are not among them: those are the file's to say.
 */
final class ServiceEdits {
    static final List<String> EDITABLE = List.of("display_name", "group", "icon", "url", "check_interval", "timeout");

    private ServiceEdits() {}

    /** Checks a change's keys and value types; answers the change with durations in canonical form. */
    static ObjectNode check(@Nullable JsonNode changes) {
        if (!(changes instanceof ObjectNode obj) || obj.isEmpty()) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    "Send a JSON object with some of: " + String.join(", ", EDITABLE),
                    Map.of("editable", EDITABLE));
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        obj.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (!EDITABLE.contains(key)) {
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        key + ": cannot be changed here (runtime and credentials are set in hearth.yml)",
                        Map.of("field", key, "editable", EDITABLE));
            }
            if (!v.isTextual()) throw ApiException.invalid(key, "must be text");
            String text = v.asText().trim();
            switch (key) {
                case "url" -> {
                    if (!text.isEmpty() && !isHttpUrl(text))
                        throw ApiException.invalid(key, "'" + text + "' is not an http:// or https:// URL");
                }
                case "check_interval", "timeout" -> {
                    Duration d;
                    try {
                        d = Durations.parse(text);
                    } catch (RuntimeException ex) {
                        throw ApiException.invalid(key, "'" + text + "' is not a duration like 30s or 5m");
                    }
                    if (d.isZero() || d.isNegative()) throw ApiException.invalid(key, "must be positive");
                    text = Durations.format(d);
                }
                default -> {
                    if (text.length() > 200) throw ApiException.invalid(key, "must be at most 200 characters");
                }
            }
            out.put(key, text);
        });
        return out;
    }

    static ServiceEntry apply(ServiceEntry s, @Nullable ObjectNode edits) {
        if (edits == null || edits.isEmpty()) return s;
        return new ServiceEntry(
                s.name(),
                text(edits, "display_name", s.displayName()),
                text(edits, "group", s.group()),
                text(edits, "icon", s.icon()),
                text(edits, "url", s.url()),
                s.integration(),
                edits.has("check_interval")
                        ? Durations.parse(edits.get("check_interval").asText())
                        : s.checkInterval(),
                edits.has("timeout") ? Durations.parse(edits.get("timeout").asText()) : s.timeout(),
                s.credentials(),
                s.runtime(),
                s.labels());
    }

    private static String text(ObjectNode edits, String key, String fallback) {
        return edits.has(key) ? edits.get(key).asText() : fallback;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The settings in force, as Moccha's {@code /services/config} shows them (host, port, enabled) and more. */
    static ServiceSettingsView view(Service service, ServiceEntry entry) {
        URI url = service.url().isEmpty() ? null : URI.create(service.url());
        ServiceSettingsView.Runtime runtime = switch (service.runtime()) {
            case RuntimeRef.Docker d ->
                new ServiceSettingsView.Runtime(d.kind(), d.endpoint(), d.container(), null, null, null, null, null);
            case RuntimeRef.Process p -> {
                ServiceEntry.ProcessRuntime pr = entry.runtime().process();
                yield pr == null
                        ? new ServiceSettingsView.Runtime(p.kind(), null, null, null, null, null, null, null)
                        : new ServiceSettingsView.Runtime(
                                p.kind(),
                                null,
                                null,
                                pr.command(),
                                pr.restart(),
                                pr.stopSignal(),
                                Durations.format(pr.stopTimeout()),
                                pr.autostart());
            }
            case RuntimeRef.External x ->
                new ServiceSettingsView.Runtime(x.kind(), null, null, null, null, null, null, null);
        };
        return new ServiceSettingsView(
                true,
                service.name(),
                service.displayName(),
                service.group(),
                service.icon(),
                service.url(),
                url == null ? null : url.getHost(),
                ServiceRegistry.port(url),
                service.integration(),
                Durations.format(service.checkInterval()),
                Durations.format(service.timeout()),
                service.source(),
                service.discoveredFrom().isEmpty() ? null : service.discoveredFrom(),
                runtime);
    }
}
