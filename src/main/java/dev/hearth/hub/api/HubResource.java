package dev.hearth.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.hub.Hub;
import dev.hearth.hub.HubAnswers;
import dev.hearth.hub.detect.DetectedApi;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Params;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The hub's routes beside the services' own ({@code /api/v1/services/{name}/…}). Every change and every proxied
 * call goes through the action catalog: role-checked (viewer for a proxied GET, operator for the other methods and
 * detection, admin for credentials) and audited.
 */
@Path("/api/v1/services")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class HubResource {
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final Hub hub;
    private final ObjectWriter json;

    public HubResource(ActionCatalog actions, CurrentCaller caller, Hub hub, ObjectMapper mapper) {
        this.actions = actions;
        this.caller = caller;
        this.hub = hub;
        this.json = mapper.writer();
    }

    /** The last detection of the service's API; never detected: {@code found} false, {@code method} "not_detected". */
    @GET
    @Path("/{name}/api")
    @Allow(Role.VIEWER)
    public DetectedApi detected(@PathParam("name") String name) {
        return hub.lastDetection(name)
                .orElseGet(() -> new DetectedApi(
                        name, "", false, null, null, null, null, "not_detected", null, null, java.time.Instant.EPOCH));
    }

    @POST
    @Path("/{name}/detect")
    @Allow(Role.OPERATOR)
    public Record detect(@PathParam("name") String name, @QueryParam("force") @Nullable String force) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("name", name);
        p.put("force", Params.flag(force, "force", true));
        return actions.invoke("hub.detect", p, caller.get(), "rest");
    }

    @POST
    @Path("/detect")
    @Allow(Role.OPERATOR)
    public Record detectAll(@QueryParam("force") @Nullable String force) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("force", Params.flag(force, "force", false));
        return actions.invoke("hub.detect_all", p, caller.get(), "rest");
    }

    /** Which credential fields are set, where from and when; never a value. */
    @GET
    @Path("/{name}/credentials")
    @Allow(Role.OPERATOR)
    public HubAnswers.Credentials credentials(@PathParam("name") String name) {
        return hub.credentials(name);
    }

    /** {@code {"api_key": "…"}} or {@code {"username": "…", "password": "…"}}; an empty value removes the field. */
    @PUT
    @Path("/{name}/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Record setCredentials(@PathParam("name") String name, @Nullable JsonNode body) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("name", name);
        p.set("credentials", body == null ? JsonNodeFactory.instance.nullNode() : body);
        return actions.invoke("hub.set_credentials", p, caller.get(), "rest");
    }

    /** {@code {"credentials": {...}, "path": "/api/..."}}, both optional: tries them, saves nothing. */
    @POST
    @Path("/{name}/credentials/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public Record testConnection(@PathParam("name") String name, @Nullable JsonNode body) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("name", name);
        if (body != null && body.isObject()) {
            if (body.has("credentials")) p.set("credentials", body.get("credentials"));
            if (body.has("path")) p.set("path", body.get("path"));
        } else if (body != null && !body.isNull()) {
            throw ApiException.invalid("body", "is an object: {\"credentials\": {...}, \"path\": \"/api/...\"}");
        }
        return actions.invoke("hub.test_connection", p, caller.get(), "rest");
    }

    @GET
    @Path("/{name}/proxy")
    @Allow(Role.VIEWER)
    public Response proxyGet(
            @PathParam("name") String name, @QueryParam("path") @Nullable String path, @Context UriInfo uri) {
        return proxy("GET", name, path, uri, null, null);
    }

    @POST
    @Path("/{name}/proxy")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.OPERATOR)
    public Response proxyPost(
            @PathParam("name") String name,
            @QueryParam("path") @Nullable String path,
            @Context UriInfo uri,
            @HeaderParam("Content-Type") @Nullable String type,
            byte @Nullable [] body) {
        return proxy("POST", name, path, uri, type, body);
    }

    @PUT
    @Path("/{name}/proxy")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.OPERATOR)
    public Response proxyPut(
            @PathParam("name") String name,
            @QueryParam("path") @Nullable String path,
            @Context UriInfo uri,
            @HeaderParam("Content-Type") @Nullable String type,
            byte @Nullable [] body) {
        return proxy("PUT", name, path, uri, type, body);
    }

    @PATCH
    @Path("/{name}/proxy")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.OPERATOR)
    public Response proxyPatch(
            @PathParam("name") String name,
            @QueryParam("path") @Nullable String path,
            @Context UriInfo uri,
            @HeaderParam("Content-Type") @Nullable String type,
            byte @Nullable [] body) {
        return proxy("PATCH", name, path, uri, type, body);
    }

    @DELETE
    @Path("/{name}/proxy")
    @Allow(Role.OPERATOR)
    public Response proxyDelete(
            @PathParam("name") String name, @QueryParam("path") @Nullable String path, @Context UriInfo uri) {
        return proxy("DELETE", name, path, uri, null, null);
    }

    private Response proxy(
            String method,
            String name,
            @Nullable String path,
            UriInfo uri,
            @Nullable String type,
            byte @Nullable [] body) {
        if (path == null || path.isBlank()) {
            throw ApiException.invalid("path", "is required: ?path=/api/status");
        }
        ObjectNode p = JsonNodeFactory.instance
                .objectNode()
                .put("name", name)
                .put("path", path)
                .put("method", method);
        boolean raw = Params.flag(uri.getQueryParameters().getFirst("raw"), "raw", false);
        if (raw) p.put("raw", true);
        ObjectNode query = p.putObject("query");
        for (Map.Entry<String, List<String>> e : uri.getQueryParameters().entrySet()) {
            if (e.getKey().equals("path") || e.getKey().equals("raw")) continue;
            var values = query.putArray(e.getKey());
            e.getValue().forEach(values::add);
        }
        if (body != null && body.length > 0) {
            p.put("secret_body", new String(body, StandardCharsets.UTF_8));
            if (type != null) p.put("content_type", type);
        }
        String action = method.equals("GET") ? "hub.proxy_read" : "hub.proxy_write";
        HubAnswers.Proxied answer = (HubAnswers.Proxied) actions.invoke(action, p, caller.get(), "rest");
        if (raw) {
            var bytes = answer.bytes();
            if (bytes.isPresent()) return RawAnswer.of(bytes.get(), answer.contentType(), answer.status());
        }
        // The answer's bytes, written by the API's own mapper here: a byte[] entity goes to the connection in one
        // write, where the JSON writer streams it from this virtual thread and waits for the event loop to flush.
        byte[] written;
        try {
            written = json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the proxied answer could not be written", e);
        }
        return Response.status(answer.httpStatus())
                .entity(written)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
