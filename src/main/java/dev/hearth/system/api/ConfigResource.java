package dev.hearth.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.config.ConfigOrigins;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The running configuration, secrets redacted; PUT and PATCH both set the keys they carry. */
@Path("/api/v1/config")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {
    private final ConfigService config;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public ConfigResource(ConfigService config, ActionCatalog actions, CurrentCaller caller) {
        this.config = config;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Allow(Role.VIEWER)
    public JsonNode get() {
        return config.redactedView();
    }

    /** Where each value comes from (hearth.yml, run-time changes, the environment), so a dashboard shows file values read-only. */
    @GET
    @Path("origins")
    @Allow(Role.VIEWER)
    public ConfigOrigins origins() {
        return config.origins();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Record put(@RequestBody(description = "keys to set, nested as in hearth.yml") JsonNode changes) {
        return update(changes);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Record patch(@RequestBody(description = "keys to set, nested as in hearth.yml") JsonNode changes) {
        return update(changes);
    }

    private Record update(JsonNode changes) {
        var params = JsonNodeFactory.instance.objectNode();
        params.set("changes", changes == null ? JsonNodeFactory.instance.nullNode() : changes);
        return actions.invoke("config.update", params, caller.get(), "rest");
    }
}
