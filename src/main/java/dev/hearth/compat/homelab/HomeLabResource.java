package dev.hearth.compat.homelab;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.hub.HubAnswers;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HomeLab Dashboard's generic proxy, {@code /api/services/{service_id}/proxy/?path=<target>}, with the seed's
 * trailing slash or without: the hub's proxy actions ({@code hub.proxy_read} for GET, viewer; {@code hub.proxy_write}
 * for the other methods, operator), whose answer already is the seed's {@code {"success": true, "data": …}} or
 * {@code {"success": false, "error": "…"}}. The seed's {@code service_id} is a database id; Hearth's services have
 * names, so the id is the service's name (a service may be named {@code 1}). Every other query parameter goes on
 * to the service, as the seed says.
 */
@Path(HomeLabDoor.PREFIX + "/api/services/{service_id}/proxy")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class HomeLabResource {
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public HomeLabResource(ActionCatalog actions, CurrentCaller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Allow(Role.VIEWER)
    public Response get(@PathParam("service_id") String service, @Context UriInfo uri) {
        return proxy("GET", service, uri, null, null);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.OPERATOR)
    public Response post(
            @PathParam("service_id") String service,
            @Context UriInfo uri,
            @HeaderParam("Content-Type") @Nullable String type,
            byte @Nullable [] body) {
        return proxy("POST", service, uri, type, body);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.OPERATOR)
    public Response put(
            @PathParam("service_id") String service,
            @Context UriInfo uri,
            @HeaderParam("Content-Type") @Nullable String type,
            byte @Nullable [] body) {
        return proxy("PUT", service, uri, type, body);
    }

    @PATCH
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.OPERATOR)
    public Response patch(
            @PathParam("service_id") String service,
            @Context UriInfo uri,
            @HeaderParam("Content-Type") @Nullable String type,
            byte @Nullable [] body) {
        return proxy("PATCH", service, uri, type, body);
    }

    @DELETE
    @Allow(Role.OPERATOR)
    public Response delete(@PathParam("service_id") String service, @Context UriInfo uri) {
        return proxy("DELETE", service, uri, null, null);
    }

    /** The hub's parameters from the seed's request; the hub checks the path, the allow-list and the address. */
    private Response proxy(String method, String service, UriInfo uri, @Nullable String type, byte @Nullable [] body) {
        Map<String, List<String>> query = uri.getQueryParameters();
        List<String> path = query.get("path");
        if (path == null || path.isEmpty() || path.getFirst().isBlank()) {
            throw ApiException.invalid("path", "is required: ?path=/api/status");
        }
        ObjectNode p = JsonNodeFactory.instance
                .objectNode()
                .put("name", service)
                .put("path", path.getFirst())
                .put("method", method);
        ObjectNode forwarded = p.putObject("query");
        query.forEach((name, values) -> {
            if (!name.equals("path")) values.forEach(forwarded.putArray(name)::add);
        });
        if (body != null && body.length > 0) {
            p.put("secret_body", new String(body, StandardCharsets.UTF_8));
            if (type != null) p.put("content_type", type);
        }
        String action = method.equals("GET") ? "hub.proxy_read" : "hub.proxy_write";
        HubAnswers.Proxied answer = (HubAnswers.Proxied) actions.invoke(action, p, caller.get(), "rest");
        return Response.status(answer.httpStatus())
                .entity(answer)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
