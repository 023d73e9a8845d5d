package dev.hearth.dns.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/dns}: every read and change goes through the action catalog. */
@Path("/api/v1/dns")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class DnsResource {
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public DnsResource(ActionCatalog actions, CurrentCaller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    private Record run(String action, @Nullable JsonNode params) {
        return actions.invoke(action, params, caller.get(), "rest");
    }

    @GET
    @Path("/records")
    @Allow(Role.VIEWER)
    public Record records() {
        return run("dns.records", null);
    }

    @POST
    @Path("/records")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response record(
            @RequestBody(description = "{type: A|AAAA|SRV, name, content (A/AAAA) or target and port (SRV)}")
                    JsonNode body) {
        return Response.status(201).entity(run("dns.record", body)).build();
    }

    @DELETE
    @Path("/records/{id}")
    @Allow(Role.ADMIN)
    public Record deleteRecord(@PathParam("id") String id) {
        return run("dns.delete_record", JsonNodeFactory.instance.objectNode().put("id", id));
    }

    @GET
    @Path("/tunnel")
    @Allow(Role.VIEWER)
    public Record tunnel() {
        return run("dns.tunnel", null);
    }

    @POST
    @Path("/expose")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response expose(@RequestBody(description = "{hostname, service or origin}") JsonNode body) {
        return Response.status(201).entity(run("dns.expose", body)).build();
    }

    @DELETE
    @Path("/expose/{hostname}")
    @Allow(Role.ADMIN)
    public Record unexpose(@PathParam("hostname") String hostname) {
        return run("dns.unexpose", JsonNodeFactory.instance.objectNode().put("hostname", hostname));
    }
}
