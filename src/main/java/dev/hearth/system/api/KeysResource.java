package dev.hearth.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.ApiKeyService;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.Params;
import dev.hearth.system.KeyView;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** API keys: create (the secret is in this answer only), list without secrets, revoke at once. */
@Path("/api/v1/keys")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {
    private final ApiKeyService keys;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public KeysResource(ApiKeyService keys, ActionCatalog actions, CurrentCaller caller) {
        this.keys = keys;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Allow(Role.ADMIN)
    public KeyList list() {
        List<KeyView> all = keys.list().stream().map(KeyView::of).toList();
        return new KeyList(all, all.size());
    }

    public record KeyList(List<KeyView> keys, int total) {}

    /** The request body, for the OpenAPI document; the action checks the same fields. */
    public record CreateKey(String name, String role, java.time.@org.jspecify.annotations.Nullable Instant expiresAt) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = CreateKey.class))) JsonNode body) {
        return Response.status(201)
                .entity(actions.invoke("keys.create", body, caller.get(), "rest"))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Allow(Role.ADMIN)
    public Record revoke(@PathParam("id") String id) {
        return actions.invoke(
                "keys.revoke",
                JsonNodeFactory.instance.objectNode().put("id", Params.id(id, "id")),
                caller.get(),
                "rest");
    }
}
