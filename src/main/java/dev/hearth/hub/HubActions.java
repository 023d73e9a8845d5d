package dev.hearth.hub;

import static dev.hearth.actions.ActionSpec.Param.optional;
import static dev.hearth.actions.ActionSpec.Param.required;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.hub.proxy.ProxyCall;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hub's actions. Reading a service's API through the proxy is a viewer's action for GET and an operator's for
 * every other method; credentials are an admin's. The proxied body travels as {@code secret_body} so the audit keeps
 * its name, never its content (it may hold a password).
 */
@Singleton
public class HubActions implements ActionProvider {
    static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final ActionSpec.Param NAME = required("name", Type.STRING, "the service's name");
    private static final List<ActionSpec.Param> PROXY_PARAMS = List.of(
            NAME,
            required("path", Type.STRING, "the path under the service's address, e.g. /api/v2/app/version"),
            optional("query", Type.OBJECT, "query parameters to forward: {name: value or [values]}"),
            optional("method", Type.STRING, "GET (proxy_read) or POST, PUT, PATCH, DELETE (proxy_write)"),
            optional("secret_body", Type.STRING, "the request body (kept out of the audit)"),
            optional("content_type", Type.STRING, "the body's content type"),
            optional(
                    "raw",
                    Type.BOOLEAN,
                    "the body's bytes as they came, as base64 (REST: ?raw=true answers the bytes themselves)"));

    private final Hub hub;

    public HubActions(Hub hub) {
        this.hub = hub;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "hub.detect",
                                "Detect a service's API (labels, known name, then the 19 common paths); a result younger than 7 days is reused unless force",
                                Role.OPERATOR,
                                false,
                                List.of(NAME, optional("force", Type.BOOLEAN, "probe again, ignoring the cache"))),
                        c -> hub.detect(List.of(c.string("name")), c.flag("force", false))),
                new Action(
                        new ActionSpec(
                                "hub.detect_all",
                                "Detect the APIs of every service, in parallel and bounded",
                                Role.OPERATOR,
                                false,
                                List.of(optional("force", Type.BOOLEAN, "probe again, ignoring the cache"))),
                        c -> hub.detectAll(c.flag("force", false))),
                new Action(
                        new ActionSpec(
                                "hub.set_credentials",
                                "Seal a service's credentials in the vault (write-only; an empty value removes a field)",
                                Role.ADMIN,
                                false,
                                List.of(
                                        NAME,
                                        required(
                                                "credentials",
                                                Type.OBJECT,
                                                "fields: username, password, api_key, token or the kind's own"))),
                        c -> hub.setCredentials(
                                c.string("name"),
                                c.params().get("credentials"),
                                c.caller().name())),
                new Action(
                        new ActionSpec(
                                "hub.test_connection",
                                "Try credentials (given, or the stored ones) on one read of a service's API; nothing is saved",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        NAME,
                                        optional(
                                                "credentials", Type.OBJECT, "fields to try instead of the stored ones"),
                                        optional(
                                                "path",
                                                Type.STRING,
                                                "the path to read (default: the API's version or base)"))),
                        c -> hub.testConnection(
                                c.string("name"),
                                c.params().get("credentials"),
                                c.optionalString("path").orElse(null))),
                Action.read( // a proxied GET is audited in batches: no database write of its own per call
                        new ActionSpec(
                                "hub.proxy_read",
                                "GET a path of a service's API through Hearth (its stored credentials, confined to its address)",
                                Role.VIEWER,
                                false,
                                PROXY_PARAMS),
                        c -> proxy(c, false)),
                new Action(
                        new ActionSpec(
                                "hub.proxy_write",
                                "POST, PUT, PATCH or DELETE a path of a service's API through Hearth",
                                Role.OPERATOR,
                                true,
                                PROXY_PARAMS),
                        c -> proxy(c, true)));
    }

    private Record proxy(ActionCall c, boolean write) {
        String method =
                c.optionalString("method").orElse(write ? "POST" : "GET").toUpperCase(Locale.ROOT);
        if (write != UNSAFE.contains(method)) {
            throw ApiException.invalid(
                    "method", write ? "is one of POST, PUT, PATCH, DELETE" : "is GET (other methods: hub.proxy_write)");
        }
        byte[] body = c.optionalString("secret_body").orElse("").getBytes(StandardCharsets.UTF_8);
        return hub.proxy(
                c.string("name"),
                new ProxyCall(
                        method,
                        c.string("path"),
                        query(c.params().get("query")),
                        body,
                        c.optionalString("content_type").orElse(null),
                        null,
                        c.flag("raw", false)));
    }

    private static Map<String, List<String>> query(JsonNode q) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (q == null || q.isNull()) return out;
        q.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
            else values.add(e.getValue().asText());
            out.put(e.getKey(), values);
        });
        return out;
    }
}
