package dev.hearth.services.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Params;
import dev.hearth.services.HealthBoard;
import dev.hearth.services.RuntimeDispatch;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.Service;
import dev.hearth.services.ServiceConfigurator;
import dev.hearth.services.ServiceDiscovery;
import dev.hearth.services.ServiceFigures;
import dev.hearth.services.ServiceHealth;
import dev.hearth.services.ServiceLogLine;
import dev.hearth.services.ServiceRegistry;
import dev.hearth.services.ServiceSettingsView;
import dev.hearth.services.docker.LocalDocker;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/services}: the seeds' routes (Moccha's start/stop/restart/status/config, Monsterr's list and health). */
@Path("/api/v1/services")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {
    private final ServiceRegistry registry;
    private final HealthBoard board;
    private final RuntimeDispatch runtimes;
    private final ServiceConfigurator configurator;
    private final ServiceDiscovery discovery;
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final Clock clock;
    private final Instance<ServiceFigures> figures;

    public ServicesResource(
            ServiceRegistry registry,
            HealthBoard board,
            RuntimeDispatch runtimes,
            ServiceConfigurator configurator,
            ServiceDiscovery discovery,
            ActionCatalog actions,
            CurrentCaller caller,
            Clock clock,
            Instance<ServiceFigures> figures) {
        this.registry = registry;
        this.board = board;
        this.runtimes = runtimes;
        this.configurator = configurator;
        this.discovery = discovery;
        this.figures = figures;
        this.actions = actions;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Allow(Role.VIEWER)
    public ServiceList list() {
        List<Service> services = registry.services();
        // Each status is an inspect or an in-memory read, fast; the health fan-out bounds the slow ones.
        List<ServiceViews.ServiceView> rows = services.stream()
                .map(s -> ServiceViews.service(s, runtimes.status(s.name())))
                .toList();
        return new ServiceList(true, rows, rows.size());
    }

    public record ServiceList(boolean success, List<ServiceViews.ServiceView> services, int count) {}

    /** From the health board, each row with its age; {@code ?refresh=true} asks every service now (in parallel, each within its timeout). */
    @GET
    @Path("/health")
    @Allow(Role.VIEWER)
    public HealthList health(@QueryParam("refresh") @Nullable String refresh) {
        long t0 = System.nanoTime();
        List<ServiceHealth> all = board.healthAll(Params.flag(refresh, "refresh", false));
        return new HealthList(
                all.stream().map(ServiceViews::health).toList(),
                all.size(),
                clock.instant(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Monsterr's health list, with when it was read and how long that took. */
    public record HealthList(List<ServiceViews.HealthRow> services, int total, Instant checkedAt, long tookMs) {}

    /** Each service's status row, as {@code /health} gives it, under the seeds' {@code /services/status}. */
    public record ServicesStatus(List<ServiceHealth> services, int total, java.time.Instant checkedAt) {}

    /** {@code GET /api/v1/services/status}: every service's status from the health board; {@code ?refresh=true} asks them now. */
    @GET
    @Path("/status")
    @Allow(Role.VIEWER)
    public ServicesStatus statusAll(@QueryParam("refresh") @Nullable String refresh) {
        List<ServiceHealth> all = board.healthAll(Params.flag(refresh, "refresh", false));
        return new ServicesStatus(all, all.size(), clock.instant());
    }

    @GET
    @Path("/config")
    @Allow(Role.VIEWER)
    public AllSettings allConfig() {
        Map<String, ServiceSettingsView> config = new LinkedHashMap<>();
        registry.names().forEach(n -> config.put(n, configurator.settingsOf(n)));
        return new AllSettings(true, config);
    }

    /** Moccha's {@code GET /services/config}: every service's settings by its name. */
    public record AllSettings(boolean success, Map<String, ServiceSettingsView> config) {}

    /** Moccha's form: {@code {"service_name": "deluge", "config": {...}}}. */
    @POST
    @Path("/config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Configured updateConfigSeedForm(@Nullable JsonNode body) {
        JsonNode name = body == null ? null : body.get("service_name");
        if (name == null || !name.isTextual()) throw ApiException.invalid("service_name", "is required");
        return configure(name.asText(), java.util.Objects.requireNonNull(body).get("config"));
    }

    /** Adds a service reached by URL; it is asked first and saved only if it answers (see services.add). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response add(@Nullable JsonNode body) {
        return Response.status(201)
                .entity(actions.invoke(
                        "services.add",
                        body == null ? JsonNodeFactory.instance.objectNode() : body,
                        caller.get(),
                        "rest"))
                .build();
    }

    /** Removes a service added at run time. */
    @DELETE
    @Path("/{name}")
    @Allow(Role.ADMIN)
    public Record delete(@PathParam("name") String name) {
        return actions.invoke(
                "services.delete", JsonNodeFactory.instance.objectNode().put("name", name), caller.get(), "rest");
    }

    /**
     * The Docker engine next to Hearth as found at start when no endpoint is configured: found, absent, off, or
     * unreachable with what to do (the group to join, a socket proxy).
     */
    @GET
    @Path("/local-docker")
    @Allow(Role.VIEWER)
    public LocalDocker localDocker() {
        return discovery.localDocker();
    }

    @POST
    @Path("/discover")
    @Allow(Role.OPERATOR)
    public Record discover() {
        return actions.invoke("services.discover", JsonNodeFactory.instance.objectNode(), caller.get(), "rest");
    }

    @GET
    @Path("/{name}")
    @Allow(Role.VIEWER)
    public ServiceViews.ServiceView get(@PathParam("name") String name) {
        Service s = registry.service(name);
        return ServiceViews.service(s, runtimes.status(name))
                .withDetails(ServiceViews.HealthView.of(board.health(name)), configurator.settingsOf(name));
    }

    @GET
    @Path("/{name}/status")
    @Allow(Role.VIEWER)
    public ServiceViews.StatusView status(@PathParam("name") String name) {
        RuntimeStatus st = runtimes.status(name);
        return ServiceViews.status(name, st, clock, board.health(name).status() == Health.Status.ONLINE);
    }

    @POST
    @Path("/{name}/start")
    @Allow(Role.OPERATOR)
    public Record start(@PathParam("name") String name) {
        return act("services.start", name);
    }

    @POST
    @Path("/{name}/stop")
    @Allow(Role.OPERATOR)
    public Record stop(@PathParam("name") String name) {
        return act("services.stop", name);
    }

    @POST
    @Path("/{name}/restart")
    @Allow(Role.OPERATOR)
    public Record restart(@PathParam("name") String name) {
        return act("services.restart", name);
    }

    @POST
    @Path("/{name}/remove")
    @Allow(Role.ADMIN)
    public Record remove(@PathParam("name") String name) {
        return act("services.remove", name);
    }

    private Record act(String action, String name) {
        registry.service(name); // 404 with the known names before anything is audited as an attempt
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", name);
        return actions.invoke(action, params, caller.get(), "rest");
    }

    @GET
    @Path("/{name}/logs")
    @Allow(Role.OPERATOR)
    public LogList logs(
            @PathParam("name") String name,
            @QueryParam("tail") @Nullable String tail,
            @QueryParam("since") @Nullable String since,
            @QueryParam("timestamps") @Nullable String timestamps) {
        int n = Params.integer(tail, "tail", 100, 0, 10_000);
        Instant after = since == null || since.isBlank() ? null : Params.instant(since, "since", Instant.EPOCH);
        boolean withTimes = timestamps == null || !timestamps.equalsIgnoreCase("false");
        List<ServiceLogLine> lines = runtimes.logs(name, n, after);
        return new LogList(
                name, lines.stream().map(l -> ServiceViews.line(l, withTimes)).toList(), lines.size());
    }

    public record LogList(String service, List<ServiceViews.LogLine> lines, int count) {}

    /**
     * The live output as server-sent events, from the last {@code tail} lines on, until the client goes
     * away (the follow is closed with the stream). Each event is one line as JSON.
     */
    @GET
    @Path("/{name}/logs/follow")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    @Blocking // a Multi is taken for non-blocking; this one starts on the class's virtual thread, as said here
    public Multi<ServiceViews.LogLine> follow(
            @PathParam("name") String name, @QueryParam("tail") @Nullable String tail) {
        int n = Params.integer(tail, "tail", 10, 0, 10_000);
        registry.service(name); // 404 now, before the stream opens
        return Multi.createFrom().emitter(emitter -> {
            try {
                AutoCloseable handle = runtimes.follow(name, n, line -> emitter.emit(ServiceViews.line(line, true)));
                emitter.onTermination(() -> {
                    try {
                        handle.close();
                    } catch (Exception ignored) {
                        // already closed
                    }
                });
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        });
    }

    @GET
    @Path("/{name}/stats")
    @Allow(Role.VIEWER)
    public StatsAnswer stats(@PathParam("name") String name) {
        registry.service(name);
        java.util.Optional<Record> figures = this.figures.stream()
                .map(f -> f.figuresOf(name))
                .flatMap(java.util.Optional::stream)
                .findFirst();
        if (figures.isEmpty()) return ServiceViews.stats(name, runtimes.stats(name));
        // A feature's figures (a download client's transfer figures, for the seed Moccha's clients); the runtime's join
        // them.
        ServiceViews.StatsView runtime = null;
        try {
            runtime = ServiceViews.stats(name, runtimes.stats(name));
        } catch (ApiException noRuntime) {
            // reachable by URL only: there is nothing to measure
        }
        return new Figures(true, figures.get(), runtime);
    }

    /** A service's figures: its runtime's resource use, or the figures of the feature that binds it. */
    public sealed interface StatsAnswer permits ServiceViews.StatsView, Figures {}

    /** A feature's figures under {@code stats} (the seed Moccha's shape), and the runtime's use when it has one. */
    public record Figures(
            boolean success,
            Record stats,
            @JsonInclude(JsonInclude.Include.NON_NULL) ServiceViews.@Nullable StatsView runtime)
            implements StatsAnswer {}

    @GET
    @Path("/{name}/config")
    @Allow(Role.VIEWER)
    public Settings config(@PathParam("name") String name) {
        return new Settings(true, name, configurator.settingsOf(name));
    }

    public record Settings(boolean success, String service, ServiceSettingsView config) {}

    @PUT
    @Path("/{name}/config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Configured updateConfig(@PathParam("name") String name, @Nullable JsonNode changes) {
        return configure(name, changes);
    }

    private Configured configure(String name, @Nullable JsonNode changes) {
        registry.service(name);
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", name);
        params.set("changes", changes == null ? JsonNodeFactory.instance.nullNode() : changes);
        Record config = actions.invoke("services.configure", params, caller.get(), "rest");
        return new Configured(true, "Configuration updated for " + name, name, config);
    }

    /** Moccha's answer to a settings change, with the settings as they are now. */
    public record Configured(boolean success, String message, String service, Record config) {}
}
