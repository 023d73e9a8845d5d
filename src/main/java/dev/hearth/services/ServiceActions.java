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
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a user can do to services, declared once for every door (REST, chat, MCP); each call is role-checked and audited. */
@Singleton
public class ServiceActions implements ActionProvider {
    private static final Param NAME = Param.required("name", Type.STRING, "the service's name (GET /api/v1/services)");
    private static final Param PROJECT = Param.required("project", Type.STRING, "the compose project's name (GET /api/v1/compose)");

    private final RuntimeDispatch runtimes;
    private final ServiceDiscovery discovery;
    private final ServiceConfigurator configurator;
    private final ComposeProjects compose;

    public ServiceActions(RuntimeDispatch runtimes, ServiceDiscovery discovery, ServiceConfigurator configurator, ComposeProjects compose) {
        this.runtimes = runtimes;
        this.discovery = discovery;
        this.configurator = configurator;
        this.compose = compose;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(new ActionSpec("services.start", "Start a service (its container or program)", Role.OPERATOR, false, List.of(NAME)),
                        c -> answer(c, "started", runtimes.start(c.string("name")))),
                new Action(new ActionSpec("services.stop", "Stop a service; the exit is expected and raises no alert", Role.OPERATOR, true, List.of(NAME)),
                        c -> answer(c, "stopped", runtimes.stop(c.string("name")))),
                new Action(new ActionSpec("services.restart", "Restart a service", Role.OPERATOR, false, List.of(NAME)),
                        c -> answer(c, "restarted", runtimes.restart(c.string("name")))),
                new Action(new ActionSpec("services.remove", "Remove a service's container (it is killed first if running)", Role.ADMIN, true, List.of(NAME)),
                        this::remove),
                new Action(new ActionSpec("services.discover", "Re-scan Docker endpoints for labelled containers", Role.OPERATOR, false, List.of()),
                        c -> discovery.discover()),
                new Action(new ActionSpec("services.configure", "Change a service's display name, group, icon, URL, check interval or timeout; a new URL is checked first",
                        Role.ADMIN, false, List.of(NAME, Param.required("changes", Type.OBJECT, "keys to change: " + String.join(", ", ServiceEdits.EDITABLE)))),
                        c -> configurator.configure(c.string("name"), c.params().get("changes"), c.caller().label())),
                new Action(new ActionSpec("services.compose_up", "Bring a compose project up (docker compose up -d)", Role.OPERATOR, false, List.of(PROJECT)),
                        c -> compose(c, "up")),
                new Action(new ActionSpec("services.compose_down", "Take a compose project down (its containers are removed)", Role.OPERATOR, true, List.of(PROJECT)),
                        c -> compose(c, "down")),
                new Action(new ActionSpec("services.compose_restart", "Restart a compose project's containers", Role.OPERATOR, false, List.of(PROJECT)),
                        c -> compose(c, "restart")));
    }

    /** Moccha's answer to start, stop and restart: success, a sentence, and pid, host and port under result. */
    public record RuntimeAnswer(boolean success, String message, Result result) {
        public record Result(String state, @Nullable Long pid, @Nullable String host, @Nullable Integer port, @Nullable Integer exitCode) {}
    }

    public record Done(boolean success, String message) {}

    public record ComposeAnswer(boolean success, String project, String action, String output) {}

    private static RuntimeAnswer answer(ActionCall call, String verb, RuntimeStatus s) {
        return new RuntimeAnswer(true, "Service '" + call.string("name") + "' " + verb + ": " + s.message(),
                new RuntimeAnswer.Result(s.state().word(), s.pid(), s.host(), s.port(), s.exitCode()));
    }

    private Done remove(ActionCall c) {
        runtimes.remove(c.string("name"));
        return new Done(true, "Container of service '" + c.string("name") + "' removed");
    }

    private ComposeAnswer compose(ActionCall c, String action) {
        String output = compose.run(c.string("project"), action);
        return new ComposeAnswer(true, c.string("project"), action, output);
    }
}
