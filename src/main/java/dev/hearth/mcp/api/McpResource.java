package dev.hearth.mcp.api;

import dev.hearth.mcp.McpConfig;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * {@code /mcp}, the Streamable HTTP endpoint: POST carries one JSON-RPC message and is answered with one JSON object;
 * GET (a stream Hearth does not offer) is 405; DELETE ends a 2025 session. The request gate has already authenticated
 * the caller; this door takes API keys only, checks {@code Origin} against Hearth's own and {@code mcp.allowed_origins}
 * (DNS rebinding), and answers 404 when {@code mcp.enabled} is off.
 */
@Path("/mcp")
@RunOnVirtualThread
public class McpResource {
    private final McpServer server;
    private final CurrentCaller current;
    private final ConfigService config;

    public McpResource(McpServer server, CurrentCaller current, ConfigService config) {
        this.server = server;
        this.current = current;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Allow(Role.VIEWER)
    public Response post(
            @RequestBody(description = "one JSON-RPC 2.0 message of the Model Context Protocol") String body,
            @Context HttpHeaders headers) {
        Response refused = gate(headers);
        if (refused != null) return refused;
        return answer(server.post(body, headers::getHeaderString, current.get()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allow(Role.VIEWER)
    public Response stream(@Context HttpHeaders headers) {
        Response refused = gate(headers);
        if (refused != null) return refused;
        return Response.status(405)
                .header("Allow", "POST, DELETE")
                .entity(McpServer.error(
                        null, -32600, "Hearth offers no server-to-client stream: POST each message", null))
                .build();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Allow(Role.VIEWER)
    public Response end(@Context HttpHeaders headers) {
        Response refused = gate(headers);
        if (refused != null) return refused;
        return answer(server.delete(headers::getHeaderString, current.get()));
    }

    private @Nullable Response gate(HttpHeaders headers) {
        if (!config.current().section(McpConfig.class).enabled()) {
            return Response.status(404)
                    .entity(McpServer.error(null, -32601, "The MCP server is off (mcp.enabled: false)", null))
                    .build();
        }
        String origin = headers.getHeaderString("Origin");
        if (origin != null && !allowedOrigin(origin, headers.getHeaderString("Host"))) {
            return Response.status(403)
                    .entity(McpServer.error(
                            null, -32600, "Origin '" + origin + "' is not allowed (mcp.allowed_origins)", null))
                    .build();
        }
        Caller caller = current.get();
        if (caller.method() != Caller.Method.API_KEY && caller.method() != Caller.Method.BEARER) {
            return Response.status(403)
                    .entity(McpServer.error(
                            null, -32600, "MCP takes an API key: send Authorization: Bearer <key>", null))
                    .build();
        }
        return null;
    }

    /** Hearth's own origin (the Host the request came to) or one listed in mcp.allowed_origins. */
    private boolean allowedOrigin(String origin, String host) {
        String o = origin.toLowerCase(Locale.ROOT);
        if (config.current().section(McpConfig.class).allowedOrigins().stream().anyMatch(a -> a.equalsIgnoreCase(o)))
            return true;
        try {
            URI u = URI.create(o);
            String authority = u.getRawAuthority();
            return host != null
                    && authority != null
                    && authority.equalsIgnoreCase(host)
                    && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response answer(McpServer.Exchange e) {
        Response.ResponseBuilder b = Response.status(e.status());
        if (e.body() != null) b.entity(e.body()).type(MediaType.APPLICATION_JSON);
        e.headers().forEach(b::header);
        return b.build();
    }
}
