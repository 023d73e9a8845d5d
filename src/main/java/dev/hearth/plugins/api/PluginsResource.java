package dev.hearth.plugins.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** {@code /api/v1/plugins}: the list, and switching one on or off through the action catalog. */
@Path("/api/v1/plugins")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public PluginsResource(
            ActionCatalog actions, CurrentCaller caller, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.actions = actions;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Allow(Role.VIEWER)
    public Record list() {
        return actions.invoke("plugins.list", null, caller.get(), "rest");
    }

    @POST
    @Path("/{name}/toggle")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.ADMIN)
    public Record toggle(
            @PathParam("name") String name,
            @RequestBody(description = "{enabled?: true|false}, or nothing: switched over") @Nullable String text) {
        JsonNode body = parse(text);
        if (body != null && !body.isNull() && !body.isObject())
            throw ApiException.invalid("body", "must be a JSON object");
        ObjectNode p =
                body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) body).deepCopy();
        p.put("name", name);
        return actions.invoke("plugins.toggle", p, caller.get(), "rest");
    }

    private @Nullable JsonNode parse(@Nullable String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
    }
}
