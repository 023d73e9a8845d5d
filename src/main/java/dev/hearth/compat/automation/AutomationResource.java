package dev.hearth.compat.automation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.assistant.Assistant;
import dev.hearth.assistant.Reply;
import dev.hearth.assistant.Turn;
import dev.hearth.compat.CompatBodies;
import dev.hearth.compat.CompatFigures;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.DownloadService;
import dev.hearth.minecraft.MinecraftActions;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Public;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.platform.web.Params;
import dev.hearth.services.RuntimeDispatch;
import dev.hearth.services.Service;
import dev.hearth.services.ServiceLines;
import dev.hearth.services.ServiceLogLine;
import dev.hearth.services.ServiceRegistry;
import dev.hearth.services.StatusFigures;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The automation server's own API ("MCP Server API" and its webhook) under {@code /compat/automation}: the chat
 * command onto the assistant, service status, docker control onto the services actions, and the
 * download-complete webhook onto the downloads action, and {@code POST /minecraft/create} onto the minecraft
 * action.
 */
@Path(AutomationDoor.PREFIX)
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class AutomationResource {
    private static final List<String> DOCKER_ACTIONS = List.of("start", "stop", "restart", "logs");
    /** Who the audit names for the webhook: it proved itself with the install's secret, and may do this one thing. */
    private static final Caller WEBHOOK =
            new Caller("webhook:download-complete", "download-complete webhook", Role.OPERATOR, Caller.Method.SYSTEM);

    public record Command(String status, @Nullable String action, JsonNode details, String message) {}

    public record Status(Map<String, ServiceState> services) {}

    /** {@code active_streams} is a media server's only, {@code active_downloads} and {@code download_speed} a download client's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceState(
            String status,
            @Nullable String uptime,
            @Nullable Integer activeStreams,
            @Nullable Long activeDownloads,
            @Nullable String downloadSpeed) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Docker(
            String status,
            String container,
            String action,
            String message,
            @Nullable Object result,
            @Nullable List<LogLine> logs) {}

    public record LogLine(@Nullable String time, String stream, String text) {}

    public record Completed(String status, String taskId, boolean recorded, String message) {}

    /** The seed's create answer: {@code {"status": "success", "server": {"name", "url", "container_id"}}}. */
    public record MinecraftCreated(String status, CreatedServer server) {}

    public record CreatedServer(String name, String url, String containerId) {}

    private final Assistant assistant;
    private final ServiceRegistry registry;
    private final ServiceLines serviceLines;
    private final RuntimeDispatch runtimes;
    private final DownloadService downloads;
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public AutomationResource(
            Assistant assistant,
            ServiceRegistry registry,
            ServiceLines serviceLines,
            RuntimeDispatch runtimes,
            DownloadService downloads,
            ActionCatalog actions,
            CurrentCaller caller,
            ObjectMapper json) {
        this.assistant = assistant;
        this.registry = registry;
        this.serviceLines = serviceLines;
        this.runtimes = runtimes;
        this.downloads = downloads;
        this.actions = actions;
        this.caller = caller;
        this.json = json;
    }

    /** {@code {"user_id": 123, "message": "Download Inception", "context": {}}}: the assistant answers. */
    @POST
    @Path("/command")
    @Allow(Role.VIEWER)
    public Command command(@Nullable String body) {
        JsonNode b = CompatBodies.object(json, body);
        String message = CompatBodies.text(b, "message", "is required (what the user typed)");
        if (message.length() > Turn.MAX_TEXT)
            throw ApiException.invalid("message", "must be at most " + Turn.MAX_TEXT + " characters");
        JsonNode user = b.get("user_id");
        if (user != null && !user.isNull() && !user.isTextual() && !user.isIntegralNumber())
            throw ApiException.invalid("user_id", "must be a number or a string");
        String conversation = user == null || user.isNull() ? "default" : "user:" + user.asText();
        Reply r = assistant.handle(new Turn(caller.get(), Assistant.CHAT_DOOR, conversation, message, null));
        return new Command(r.status().id(), r.action(), r.details(), r.message());
    }

    /** Every service's line from the last polls (no upstream is asked): the seed's {@code services} map. */
    @GET
    @Path("/status")
    @Allow(Role.VIEWER)
    public Status status() {
        Map<String, ServiceState> services = new LinkedHashMap<>();
        for (ServiceLines.Line l : serviceLines.lines()) {
            Integer streams = null;
            Long active = null;
            String speed = null;
            switch (l.figures()) {
                case StatusFigures.Streaming s -> streams = s.activeStreams();
                case StatusFigures.Transferring t -> {
                    active = t.activeDownloads();
                    speed = CompatFigures.speed(t.downloadSpeed());
                }
                case null -> {}
            }
            services.put(
                    l.name(),
                    new ServiceState(
                            l.status(),
                            l.uptime() == null ? null : Durations.human(l.uptime()),
                            streams,
                            active,
                            speed));
        }
        return new Status(services);
    }

    /** {@code {"container": "plex", "action": "restart"}}; the path's action decides, {@code logs} takes {@code tail}. */
    @POST
    @Path("/docker/{action}")
    @Allow(Role.OPERATOR)
    public Docker docker(@PathParam("action") String action, @Nullable String body) {
        if (!DOCKER_ACTIONS.contains(action)) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    "action: must be one of " + String.join(", ", DOCKER_ACTIONS),
                    Map.of("field", "action", "known", DOCKER_ACTIONS));
        }
        JsonNode b = CompatBodies.object(json, body);
        String container = CompatBodies.text(
                b, "container", "is required: the service or container name, e.g. {\"container\": \"plex\"}");
        Service s = registry.serviceOrContainer(container);
        if (action.equals("logs")) {
            JsonNode tail = b.get("tail");
            List<ServiceLogLine> lines = runtimes.logs(
                    s.name(), Params.integer(tail == null ? null : tail.asText(), "tail", 100, 0, 10_000), null);
            return new Docker(
                    "success",
                    container,
                    action,
                    lines.size() + " lines",
                    null,
                    lines.stream()
                            .map(l -> new LogLine(
                                    l.time() == null ? null : l.time().toString(), l.stream(), l.text()))
                            .toList());
        }
        Object result = actions.invoke(
                "services." + action,
                JsonNodeFactory.instance.objectNode().put("name", s.name()),
                caller.get(),
                "rest");
        String done = action.equals("stop") ? "stopped" : action + "ed";
        return new Docker(
                "success",
                container,
                action,
                "Container " + done + " successfully",
                result instanceof dev.hearth.services.ServiceActions.RuntimeAnswer a ? a.result() : result,
                null);
    }

    /**
     * {@code {"name": "SurvivalWorld", "memory": "4G", "version": "1.20.4", "type": "PAPER"}}: the catalog's
     * {@code minecraft.create} (admin, audited), answered in the seed's shape.
     */
    @POST
    @Path("/minecraft/create")
    @Allow(Role.ADMIN)
    public MinecraftCreated createMinecraft(@Nullable String body) {
        JsonNode b = CompatBodies.object(json, body);
        MinecraftActions.Created c =
                (MinecraftActions.Created) actions.invoke("minecraft.create", b, caller.get(), "rest");
        return new MinecraftCreated(
                c.status(),
                new CreatedServer(
                        c.server().name(), c.server().url(), c.server().containerId()));
    }

    /**
     * The seed's qBittorrent hook: {@code hash, name, category, save_path, size, completion_time}. Public — a
     * torrent client's hook has no API key — and proved by the install's webhook secret, as the native route.
     */
    @POST
    @Path("/webhook/download-complete")
    @Public
    public Completed downloadComplete(
            @HeaderParam("X-Hearth-Webhook-Secret") @Nullable String header,
            @QueryParam("secret") @Nullable String query,
            @Nullable String body) {
        if (!downloads.webhookSecretMatches(header != null ? header : query)) {
            throw new ApiException(
                    ErrorCode.UNAUTHORIZED,
                    "Missing or wrong webhook secret: send it as the X-Hearth-Webhook-Secret header or ?secret= (it is "
                            + "downloads.webhook_secret, or the file webhook-secret in the data dir)",
                    Map.of("header", "X-Hearth-Webhook-Secret"));
        }
        JsonNode payload = CompatBodies.object(json, body);
        DownloadService.WebhookResult r =
                (DownloadService.WebhookResult) actions.invoke(DownloadActions.COMPLETE, payload, WEBHOOK, "webhook");
        return new Completed(
                "success",
                r.task().id(),
                r.recorded(),
                r.recorded() ? "Completion recorded" : "Completion was already recorded");
    }
}
