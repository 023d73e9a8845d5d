package dev.hearth.services.api;

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
    public Map<String, Object> list() {
        List<Service> services = registry.services();
        // Each status is an inspect or an in-memory read, fast; the health fan-out bounds the slow ones.
        List<Map<String, Object>> rows = services.stream()
                .<Map<String, Object>>map(s -> ServiceViews.service(s, runtimes.status(s.name())))
                .toList();
        return Map.of("success", true, "services", rows, "count", rows.size());
    }

    /** From the health board, each row with its age; {@code ?refresh=true} asks every service now (in parallel, each within its timeout). */
    @GET
    @Path("/health")
    @Allow(Role.VIEWER)
    public Map<String, Object> health(@QueryParam("refresh") @Nullable String refresh) {
        long t0 = System.nanoTime();
        List<ServiceHealth> all = board.healthAll(Params.flag(refresh, "refresh", false));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("services", all.stream().map(ServiceViews::health).toList());
        out.put("total", all.size());
        out.put("checked_at", clock.instant());
        out.put("took_ms", (System.nanoTime() - t0) / 1_000_000);
        return out;
    }

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
    public Map<String, Object> allConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        registry.names().forEach(n -> config.put(n, configurator.settingsOf(n)));
        return Map.of("success", true, "config", config);
    }

    /** Moccha's form: {@code {"service_name": "deluge", "config": {...}}}. */
    @POST
    @Path("/config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Map<String, Object> updateConfigSeedForm(@Nullable JsonNode body) {
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
    public Object discover() {
        return actions.invoke("services.discover", JsonNodeFactory.instance.objectNode(), caller.get(), "rest");
    }

    @GET
    @Path("/{name}")
    @Allow(Role.VIEWER)
    public Map<String, Object> get(@PathParam("name") String name) {
        Service s = registry.service(name);
        Map<String, Object> out = ServiceViews.service(s, runtimes.status(name));
        Health h = board.health(name);
        out.put(
                "health",
                Map.of(
                        "status",
                        h.status().name(),
                        "detail",
                        h.detail().name(),
                        "message",
                        h.message(),
                        "checked_at",
                        h.checkedAt()));
        out.put("config", configurator.settingsOf(name));
        return out;
    }

    @GET
    @Path("/{name}/status")
    @Allow(Role.VIEWER)
    public Map<String, Object> status(@PathParam("name") String name) {
        RuntimeStatus st = runtimes.status(name);
        Map<String, Object> out =
                ServiceViews.status(st, clock, board.health(name).status() == Health.Status.ONLINE);
        out.put("service", name);
        return out;
    }

    @POST
    @Path("/{name}/start")
    @Allow(Role.OPERATOR)
    public Object start(@PathParam("name") String name) {
        return act("services.start", name);
    }

    @POST
    @Path("/{name}/stop")
    @Allow(Role.OPERATOR)
    public Object stop(@PathParam("name") String name) {
        return act("services.stop", name);
    }

    @POST
    @Path("/{name}/restart")
    @Allow(Role.OPERATOR)
    public Object restart(@PathParam("name") String name) {
        return act("services.restart", name);
    }

    @POST
    @Path("/{name}/remove")
    @Allow(Role.ADMIN)
    public Object remove(@PathParam("name") String name) {
        return act("services.remove", name);
    }

    private Object act(String action, String name) {
        registry.service(name); // 404 with the known names before anything is audited as an attempt
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", name);
        return actions.invoke(action, params, caller.get(), "rest");
    }

    @GET
    @Path("/{name}/logs")
    @Allow(Role.OPERATOR)
    public Map<String, Object> logs(
            @PathParam("name") String name,
            @QueryParam("tail") @Nullable String tail,
            @QueryParam("since") @Nullable String since,
            @QueryParam("timestamps") @Nullable String timestamps) {
        int n = Params.integer(tail, "tail", 100, 0, 10_000);
        Instant after = since == null || since.isBlank() ? null : Params.instant(since, "since", Instant.EPOCH);
        boolean withTimes = timestamps == null || !timestamps.equalsIgnoreCase("false");
        List<ServiceLogLine> lines = runtimes.logs(name, n, after);
        return Map.of(
                "service",
                name,
                "lines",
                lines.stream().map(l -> ServiceViews.line(l, withTimes)).toList(),
                "count",
                lines.size());
    }

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
    public Multi<Map<String, Object>> follow(
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
    public Map<String, Object> stats(@PathParam("name") String name) {
        registry.service(name);
        java.util.Optional<Map<String, Object>> figures = this.figures.stream()
                .map(f -> f.figuresOf(name))
                .flatMap(java.util.Optional::stream)
                .findFirst();
        if (figures.isEmpty()) return ServiceViews.stats(name, runtimes.stats(name));
        // A feature's figures (a download client's transfer figures, for the seed Moccha's clients); the runtime's join
        // them.
        Map<String, Object> answer = new java.util.LinkedHashMap<>(figures.get());
        try {
            answer.put("runtime", ServiceViews.stats(name, runtimes.stats(name)));
        } catch (ApiException noRuntime) {
            // reachable by URL only: there is nothing to measure
        }
        return answer;
    }

    @GET
    @Path("/{name}/config")
    @Allow(Role.VIEWER)
    public Map<String, Object> config(@PathParam("name") String name) {
        return Map.of("success", true, "service", name, "config", configurator.settingsOf(name));
    }

    @PUT
    @Path("/{name}/config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Map<String, Object> updateConfig(@PathParam("name") String name, @Nullable JsonNode changes) {
        return configure(name, changes);
    }

    private Map<String, Object> configure(String name, @Nullable JsonNode changes) {
        registry.service(name);
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", name);
        params.set("changes", changes == null ? JsonNodeFactory.instance.nullNode() : changes);
        Object config = actions.invoke("services.configure", params, caller.get(), "rest");
        return Map.of(
                "success", true, "message", "Configuration updated for " + name, "service", name, "config", config);
    }
}
