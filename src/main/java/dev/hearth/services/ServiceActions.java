package dev.hearth.services;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.docker.ComposeProjects;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a user can do to services, declared once for every door (REST, chat, MCP); each call is role-checked and audited. */
@Singleton
public class ServiceActions implements ActionProvider {
    private static final Param NAME = Param.required("name", Type.STRING, "the service's name (GET /api/v1/services)");
    private static final Param PROJECT =
            Param.required("project", Type.STRING, "the compose project's name (GET /api/v1/compose)");

    private final ServiceRegistry registry;
    private final HealthBoard board;
    private final RuntimeDispatch runtimes;
    private final ServiceDiscovery discovery;
    private final ServiceConfigurator configurator;
    private final ComposeProjects compose;

    public ServiceActions(
            ServiceRegistry registry,
            HealthBoard board,
            RuntimeDispatch runtimes,
            ServiceDiscovery discovery,
            ServiceConfigurator configurator,
            ComposeProjects compose) {
        this.registry = registry;
        this.board = board;
        this.runtimes = runtimes;
        this.discovery = discovery;
        this.configurator = configurator;
        this.compose = compose;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "services.start",
                                "Start a service (its container or program)",
                                Role.OPERATOR,
                                false,
                                List.of(NAME)),
                        c -> answer(c, "started", runtimes.start(c.string("name")))),
                new Action(
                        new ActionSpec(
                                "services.stop",
                                "Stop a service; the exit is expected and raises no alert",
                                Role.OPERATOR,
                                true,
                                List.of(NAME)),
                        c -> answer(c, "stopped", runtimes.stop(c.string("name")))),
                new Action(
                        new ActionSpec("services.restart", "Restart a service", Role.OPERATOR, false, List.of(NAME)),
                        c -> answer(c, "restarted", runtimes.restart(c.string("name")))),
                new Action(
                        new ActionSpec(
                                "services.remove",
                                "Remove a service's container (it is killed first if running)",
                                Role.ADMIN,
                                true,
                                List.of(NAME)),
                        this::remove),
                new Action(
                        new ActionSpec(
                                "services.discover",
                                "Re-scan Docker endpoints for labelled containers",
                                Role.OPERATOR,
                                false,
                                List.of()),
                        c -> discovery.discover()),
                new Action(
                        new ActionSpec(
                                "services.configure",
                                "Change a service's display name, group, icon, URL, check interval or timeout; a new URL is checked first",
                                Role.ADMIN,
                                false,
                                List.of(
                                        NAME,
                                        Param.required(
                                                "changes",
                                                Type.OBJECT,
                                                "keys to change: " + String.join(", ", ServiceEdits.EDITABLE)))),
                        c -> configurator.configure(
                                c.string("name"),
                                c.params().get("changes"),
                                c.caller().label())),
                new Action(
                        new ActionSpec(
                                "services.add",
                                "Add a service reached by URL (name, url, integration, the kind's credentials); it is asked first and saved only if it answers",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required("name", Type.STRING, "a new service name: a-z, 0-9, - or _"),
                                        Param.required("url", Type.STRING, "http:// or https:// address"),
                                        Param.required(
                                                "integration", Type.STRING, "its kind (GET /api/v1/integrations)"),
                                        Param.optional(
                                                "credentials",
                                                Type.OBJECT,
                                                "the kind's settings (username, password, api_key...); never shown again"),
                                        Param.optional("display_name", Type.STRING, "the name shown"),
                                        Param.optional("group", Type.STRING, "the group it is listed under"),
                                        Param.optional(
                                                "check_interval", Type.STRING, "how often it is asked, e.g. 30s"),
                                        Param.optional("timeout", Type.STRING, "how long an answer may take, e.g. 5s"),
                                        Param.optional(
                                                "labels",
                                                Type.OBJECT,
                                                "labels as a container's, e.g. {\"hearth.api.type\": \"sonarr\"}"))),
                        c -> configurator.add(NewService.from(c.params()))),
                new Action(
                        new ActionSpec(
                                "services.delete",
                                "Remove a service added at run time (hearth.yml's and Docker's are theirs to change)",
                                Role.ADMIN,
                                true,
                                List.of(NAME)),
                        c -> configurator.remove(c.string("name"))),
                new Action(
                        new ActionSpec(
                                "services.compose_up",
                                "Bring a compose project up (docker compose up -d)",
                                Role.OPERATOR,
                                false,
                                List.of(PROJECT)),
                        c -> compose(c, "up")),
                new Action(
                        new ActionSpec(
                                "services.compose_down",
                                "Take a compose project down (its containers are removed)",
                                Role.OPERATOR,
                                true,
                                List.of(PROJECT)),
                        c -> compose(c, "down")),
                new Action(
                        new ActionSpec(
                                "services.compose_restart",
                                "Restart a compose project's containers",
                                Role.OPERATOR,
                                false,
                                List.of(PROJECT)),
                        c -> compose(c, "restart")),
                // reads, for the chat doors and MCP
                new Action(
                        new ActionSpec(
                                "services.list",
                                "List the services with their last checked health (asks none of them now)",
                                Role.VIEWER,
                                false,
                                List.of()),
                        c -> list()),
                new Action(
                        new ActionSpec(
                                "services.status",
                                "One service's state now: running or not, since when, its health",
                                Role.VIEWER,
                                false,
                                List.of(NAME)),
                        c -> status(c.string("name"))),
                new Action(
                        new ActionSpec(
                                "services.logs",
                                "The last lines a service wrote (they may hold its secrets, hence operator)",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        NAME,
                                        Param.optional(
                                                "lines", Type.INTEGER, "how many lines, 1 to 500 (default 50)"))),
                        c -> logs(c.string("name"), c.params().has("lines") ? c.integer("lines") : 50)));
    }

    /** The answer of services.list: every service with the health the board holds for it. */
    public record ServiceList(List<Row> services) {
        public record Row(
                String name,
                String displayName,
                String group,
                String runtime,
                String health,
                String message,
                Instant checkedAt) {}
    }

    /** The answer of services.status. */
    public record ServiceState(
            String name,
            String state,
            boolean running,
            @Nullable Instant startedAt,
            @Nullable Integer exitCode,
            String health,
            String message) {}

    /** The answer of services.logs: the last lines, oldest first. */
    public record ServiceLogs(String service, List<String> lines) {}

    private ServiceList list() {
        return new ServiceList(registry.services().stream()
                .map(s -> {
                    Health health = board.health(s.name());
                    return new ServiceList.Row(
                            s.name(),
                            s.displayName(),
                            s.group(),
                            s.runtime().kind(),
                            word(health),
                            health.message(),
                            health.checkedAt());
                })
                .toList());
    }

    private ServiceState status(String name) {
        RuntimeStatus s = runtimes.status(name);
        return new ServiceState(
                name,
                s.state().word(),
                s.running(),
                s.startedAt(),
                s.exitCode(),
                word(board.health(name)),
                s.message());
    }

    private static String word(Health health) {
        return health.status().name().toLowerCase(Locale.ROOT);
    }

    private ServiceLogs logs(String name, long lines) {
        if (lines < 1 || lines > 500) throw ApiException.invalid("lines", "must be between 1 and 500");
        return new ServiceLogs(
                name,
                runtimes.logs(name, (int) lines, null).stream()
                        .map(ServiceLogLine::text)
                        .toList());
    }

    /** Moccha's answer to start, stop and restart: success, a sentence, and pid, host and port under result. */
    public record RuntimeAnswer(boolean success, String message, Result result) {
        public record Result(
                String state,
                @Nullable Long pid,
                @Nullable String host,
                @Nullable Integer port,
                @Nullable Integer exitCode) {}
    }

    public record Done(boolean success, String message) {}

    public record ComposeAnswer(boolean success, String project, String action, String output) {}

    private static RuntimeAnswer answer(ActionCall call, String verb, RuntimeStatus s) {
        return new RuntimeAnswer(
                true,
                "Service '" + call.string("name") + "' " + verb + ": " + s.message(),
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
