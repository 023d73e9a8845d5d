package dev.hearth.maintenance.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/maintenance}: clear the caches, list and restart workers; admin only, through the action catalog. */
@Path("/api/v1/maintenance")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public MaintenanceResource(
            ActionCatalog actions, CurrentCaller caller, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.actions = actions;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @Path("/clear-cache")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.ADMIN)
    public Record clearCache(
            @RequestBody(description = "{cache?}: one cache by name, or nothing for all") @Nullable String body) {
        return actions.invoke("maintenance.clear_cache", parse(body), caller.get(), "rest");
    }

    @GET
    @Path("/workers")
    @Allow(Role.ADMIN)
    public Record workers() {
        return actions.invoke("maintenance.workers", null, caller.get(), "rest");
    }

    @POST
    @Path("/workers/{worker}/restart")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.ADMIN)
    public Record restart(@PathParam("worker") String worker) {
        return actions.invoke(
                "maintenance.restart_worker",
                JsonNodeFactory.instance.objectNode().put("worker", worker),
                caller.get(),
                "rest");
    }

    private @Nullable JsonNode parse(@Nullable String text) {
        if (text == null || text.isBlank()) return null;
        try {
            JsonNode n = json.readTree(text);
            if (!n.isObject()) throw ApiException.invalid("body", "must be a JSON object");
            return n;
        } catch (java.io.IOException e) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
    }
}
