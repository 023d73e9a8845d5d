package dev.hearth.services.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.docker.ComposeProject;
import dev.hearth.services.docker.ComposeProjects;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Compose projects, grouped by their label, and up, down and restart through the compose CLI. */
@Path("/api/v1/compose")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class ComposeResource {
    private static final List<String> ACTIONS = List.of("up", "down", "restart");
    private final ComposeProjects compose;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public ComposeResource(ComposeProjects compose, ActionCatalog actions, CurrentCaller caller) {
        this.compose = compose;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Allow(Role.VIEWER)
    public ProjectList list() {
        List<ComposeProject> projects = compose.list();
        return new ProjectList(projects, projects.size());
    }

    public record ProjectList(List<ComposeProject> projects, int total) {}

    @POST
    @Path("/{project}/{action}")
    @Allow(Role.OPERATOR)
    public Record act(@PathParam("project") String project, @PathParam("action") String action) {
        if (!ACTIONS.contains(action))
            throw ApiException.invalid("action", "must be one of " + String.join(", ", ACTIONS));
        compose.find(project);
        return actions.invoke(
                "services.compose_" + action,
                JsonNodeFactory.instance.objectNode().put("project", project),
                caller.get(),
                "rest");
    }
}
