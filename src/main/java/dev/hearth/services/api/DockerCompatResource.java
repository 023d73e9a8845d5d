package dev.hearth.services.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Params;
import dev.hearth.services.RuntimeDispatch;
import dev.hearth.services.Service;
import dev.hearth.services.ServiceLogLine;
import dev.hearth.services.ServiceRegistry;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/docker/{action}} with {@code {"container": "plex"}}, for clients written against the
 * seed's automation server: start, stop and restart go through the same actions as the services routes.
 */
@Path("/api/v1/docker")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class DockerCompatResource {
    private static final List<String> ACTIONS = List.of("start", "stop", "restart", "logs");
    private final ServiceRegistry registry;
    private final RuntimeDispatch runtimes;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public DockerCompatResource(
            ServiceRegistry registry, RuntimeDispatch runtimes, ActionCatalog actions, CurrentCaller caller) {
        this.registry = registry;
        this.runtimes = runtimes;
        this.actions = actions;
        this.caller = caller;
    }

    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public DockerAnswer act(@PathParam("action") String action, @Nullable JsonNode body) {
        if (!ACTIONS.contains(action)) {
            throw new ApiException(
                    dev.hearth.platform.web.ErrorCode.INVALID_INPUT,
                    "action: must be one of " + String.join(", ", ACTIONS),
                    Map.of("field", "action", "known", ACTIONS));
        }
        JsonNode container = body == null ? null : body.get("container");
        if (container == null || !container.isTextual() || container.asText().isBlank()) {
            throw ApiException.invalid(
                    "container", "is required: the service or container name, e.g. {\"container\": \"plex\"}");
        }
        Service s = registry.serviceOrContainer(container.asText());
        if (action.equals("logs")) {
            JsonNode tail = body == null ? null : body.get("tail");
            int n = Params.integer(tail == null ? null : tail.asText(), "tail", 100, 0, 10_000);
            List<ServiceLogLine> lines = runtimes.logs(s.name(), n, null);
            return new DockerAnswer(
                    "success",
                    container.asText(),
                    action,
                    lines.size() + " lines",
                    lines.stream().map(l -> ServiceViews.line(l, true)).toList(),
                    null);
        }
        Record result = actions.invoke(
                "services." + action,
                JsonNodeFactory.instance.objectNode().put("name", s.name()),
                caller.get(),
                "rest");
        return new DockerAnswer(
                "success",
                container.asText(),
                action,
                "Container " + (action.equals("stop") ? "stopped" : action + "ed") + " successfully",
                null,
                result instanceof dev.hearth.services.ServiceActions.RuntimeAnswer a ? a.result() : result);
    }

    /** The seed's answer: {@code logs} for the logs action, the runtime's {@code result} for the others. */
    public record DockerAnswer(
            String status,
            String container,
            String action,
            String message,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            List<ServiceViews.LogLine> logs,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Record result) {}
}
