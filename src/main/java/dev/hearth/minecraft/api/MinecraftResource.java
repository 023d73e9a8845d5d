package dev.hearth.minecraft.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.minecraft.MinecraftService;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/minecraft}: the seed's {@code POST /minecraft/create}, and the servers' lifecycle and commands. */
@Path("/api/v1/minecraft")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class MinecraftResource {
    private final ActionCatalog actions;
    private final MinecraftService minecraft;
    private final CurrentCaller caller;

    public MinecraftResource(ActionCatalog actions, MinecraftService minecraft, CurrentCaller caller) {
        this.actions = actions;
        this.minecraft = minecraft;
        this.caller = caller;
    }

    private Record run(String action, @Nullable JsonNode params) {
        return actions.invoke(action, params, caller.get(), "rest");
    }

    private static ObjectNode named(String name, @Nullable JsonNode body) {
        if (body != null && !body.isNull() && !body.isObject())
            throw ApiException.invalid("body", "must be a JSON object");
        ObjectNode p =
                body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) body).deepCopy();
        p.put("name", name);
        return p;
    }

    @GET
    @Allow(Role.VIEWER)
    public Record list() {
        return run("minecraft.list", null);
    }

    @POST
    @Path("/create")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response create(@RequestBody(description = "{name, memory, version, type, publish_dns}") JsonNode body) {
        return Response.status(201).entity(run("minecraft.create", body)).build();
    }

    @GET
    @Path("/{name}")
    @Allow(Role.VIEWER)
    public MinecraftService.Server get(@PathParam("name") String name) {
        return minecraft.get(name);
    }

    @GET
    @Path("/{name}/players")
    @Allow(Role.VIEWER)
    public Record players(@PathParam("name") String name) {
        return run("minecraft.players", named(name, null));
    }

    @POST
    @Path("/{name}/start")
    @Allow(Role.OPERATOR)
    public Record start(@PathParam("name") String name) {
        return run("minecraft.start", named(name, null));
    }

    @POST
    @Path("/{name}/stop")
    @Allow(Role.OPERATOR)
    public Record stop(@PathParam("name") String name) {
        return run("minecraft.stop", named(name, null));
    }

    @DELETE
    @Path("/{name}")
    @Allow(Role.ADMIN)
    public Record remove(@PathParam("name") String name, @QueryParam("delete_world") String deleteWorld) {
        ObjectNode p = named(name, null);
        if (deleteWorld != null) {
            if (!deleteWorld.equals("true") && !deleteWorld.equals("false"))
                throw ApiException.invalid("delete_world", "must be true or false");
            p.put("delete_world", Boolean.parseBoolean(deleteWorld));
        }
        return run("minecraft.remove", p);
    }

    @POST
    @Path("/{name}/say")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public Record say(@PathParam("name") String name, @RequestBody(description = "{message}") JsonNode body) {
        return run("minecraft.say", named(name, body));
    }

    @POST
    @Path("/{name}/whitelist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public Record whitelist(
            @PathParam("name") String name,
            @RequestBody(description = "{op: add|remove|list|on|off|reload, player}") JsonNode body) {
        return run("minecraft.whitelist", named(name, body));
    }

    @POST
    @Path("/{name}/save")
    @Allow(Role.OPERATOR)
    public Record save(@PathParam("name") String name) {
        return run("minecraft.save", named(name, null));
    }
}
