package dev.hearth.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.actions.ActionSpec;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The action catalog as a door: the list every other door is generated from, and a generic call.
 * Any caller may ask; the catalog checks each action's own role.
 */
@Path("/api/v1/actions")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class ActionsResource {
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public ActionsResource(ActionCatalog actions, CurrentCaller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    public record Listing(List<ActionSpec> actions) {}

    @GET
    @Allow(Role.VIEWER)
    public Listing list() {
        return new Listing(actions.list());
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.VIEWER)
    public Invoked invoke(
            @PathParam("id") String id,
            @RequestBody(description = "the action's parameters, as GET /api/v1/actions lists them") JsonNode params) {
        return new Invoked(id, actions.invoke(id, params, caller.get(), "rest"));
    }

    /** The action called and its typed answer, as the catalog lists it. */
    public record Invoked(String action, Record result) {}
}
