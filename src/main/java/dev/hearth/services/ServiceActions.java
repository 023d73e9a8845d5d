package dev.hearth.services;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Role;
import dev.hearth.services.docker.ComposeProjects;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a user can do to services, declared once for every door (REST, chat, MCP); each call is role-checked and audited. */
@Singleton
public class ServiceActions implements ActionProvider {
    private static final Param NAME = Param.required("name", Type.STRING, "the service's name (GET /api/v1/services)");
    private static final Param PROJECT = Param.required("project", Type.STRING, "the compose project's name (GET /api/v1/compose)");

    private final ServiceCatalog catalog;
    private final ComposeProjects compose;

    public ServiceActions(ServiceCatalog catalog, ComposeProjects compose) {
        this.catalog = catalog;
        this.compose = compose;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(new ActionSpec("services.start", "Start a service (its container or program)", Role.OPERATOR, false, List.of(NAME)),
                        c -> answer(c, "started", catalog.start(c.string("name")))),
                new Action(new ActionSpec("services.stop", "Stop a service; the exit is expected and raises no alert", Role.OPERATOR, true, List.of(NAME)),
                        c -> answer(c, "stopped", catalog.stop(c.string("name")))),
                new Action(new ActionSpec("services.restart", "Restart a service", Role.OPERATOR, false, List.of(NAME)),
                        c -> answer(c, "restarted", catalog.restart(c.string("name")))),
                new Action(new ActionSpec("services.remove", "Remove a service's container (it is killed first if running)", Role.ADMIN, true, List.of(NAME)),
                        this::remove),
                new Action(new ActionSpec("services.discover", "Re-scan Docker endpoints for labelled containers", Role.OPERATOR, false, List.of()),
                        c -> catalog.discover()),
                new Action(new ActionSpec("services.configure", "Change a service's display name, group, icon, URL, check interval or timeout; a new URL is checked first",
                        Role.ADMIN, false, List.of(NAME, Param.required("changes", Type.OBJECT, "keys to change: " + String.join(", ", ServiceEdits.EDITABLE)))),
                        c -> catalog.configure(c.string("name"), c.params().get("changes"), c.caller().label())),
                new Action(new ActionSpec("services.compose_up", "Bring a compose project up (docker compose up -d)", Role.OPERATOR, false, List.of(PROJECT)),
                        c -> compose(c, "up")),
                new Action(new ActionSpec("services.compose_down", "Take a compose project down (its containers are removed)", Role.OPERATOR, true, List.of(PROJECT)),
                        c -> compose(c, "down")),
                new Action(new ActionSpec("services.compose_restart", "Restart a compose project's containers", Role.OPERATOR, false, List.of(PROJECT)),
                        c -> compose(c, "restart")),
                // reads, for the chat doors and MCP
                new Action(new ActionSpec("services.list", "List the services with their last checked health (asks none of them now)",
                        Role.VIEWER, false, List.of()), c -> list()),
                new Action(new ActionSpec("services.status", "One service's state now: running or not, since when, its health", Role.VIEWER, false,
                        List.of(NAME)), c -> status(c.string("name"))),
                new Action(new ActionSpec("services.logs", "The last lines a service wrote (they may hold its secrets, hence operator)",
                        Role.OPERATOR, false, List.of(NAME, Param.optional("lines", Type.INTEGER, "how many lines, 1 to 500 (default 50)"))),
                        c -> logs(c.string("name"), c.params().has("lines") ? c.integer("lines") : 50)));
    }

    private Object list() {
        return Map.of("services", catalog.services().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            var health = catalog.lastHealth(s.name());
            m.put("name", s.name());
            m.put("display_name", s.displayName());
            m.put("group", s.group());
            m.put("runtime", s.runtime().kind());
            m.put("health", health.status().name().toLowerCase(java.util.Locale.ROOT));
            m.put("message", health.message());
            m.put("checked_at", health.checkedAt());
            return m;
        }).toList());
    }

    private Object status(String name) {
        RuntimeStatus s = catalog.status(name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("state", s.state().word());
        m.put("running", s.running());
        m.put("started_at", s.startedAt());
        m.put("exit_code", s.exitCode());
        m.put("health", catalog.lastHealth(name).status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("message", s.message());
        return m;
    }

    private Object logs(String name, long lines) {
        if (lines < 1 || lines > 500) throw dev.hearth.platform.web.ApiException.invalid("lines", "must be between 1 and 500");
        return Map.of("service", name, "lines", catalog.logs(name, (int) lines, null).stream().map(ServiceLogLine::text).toList());
    }

    /** Moccha's answer: success, a sentence, and pid, host and port under result. */
    private static Map<String, Object> answer(ActionCall call, String verb, RuntimeStatus s) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("state", s.state().word());
        result.put("pid", s.pid());
        result.put("host", s.host());
        result.put("port", s.port());
        result.put("exit_code", s.exitCode());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("message", "Service '" + call.string("name") + "' " + verb + ": " + s.message());
        out.put("result", result);
        return out;
    }

    private Object remove(ActionCall c) {
        catalog.remove(c.string("name"));
        return Map.of("success", true, "message", "Container of service '" + c.string("name") + "' removed");
    }

    private Object compose(ActionCall c, String action) {
        String output = compose.run(c.string("project"), action);
        return Map.of("success", true, "project", c.string("project"), "action", action, "output", output);
    }
}
