package dev.hearth.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.admin.RemoteAdmin;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Public;
import dev.hearth.platform.security.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The login page (public) and the dashboard shell (after login; the request gate sends browsers to /login).
 * The shell carries this Hearth's route table, so the dashboard knows which sections exist and which
 * controls the caller's role allows, without probing the API.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {
    private static final String ROUTES_MARK = "<!--ROUTES-->";

    private final String login = read("/web/login.html");
    private final String index = read("/web/index.html");
    private final ObjectMapper json;
    private final RemoteAdmin remoteAdmin;
    private volatile @org.jspecify.annotations.Nullable String shell;

    public Pages(ObjectMapper json, RemoteAdmin remoteAdmin) {
        this.json = json;
        this.remoteAdmin = remoteAdmin;
    }

    @GET
    @Path("login")
    @Public
    public Response login() {
        return Response.ok(login).header("Cache-Control", "no-store").build();
    }

    @GET
    @Allow(Role.VIEWER)
    public Response index() {
        return Response.ok(shell()).header("Cache-Control", "no-store").build();
    }

    private String shell() {
        String s = shell;
        if (s == null) {
            Map<String, String> routes = RouteTable.scan();
            // remote administration answers 404 while it is off: the dashboard must not offer it
            if (!remoteAdmin.enabled())
                routes.keySet().removeIf(r -> r.contains(" /api/v1/admin/") || r.endsWith(" /api/v1/admin"));
            try {
                // "</" cannot close the script element early: JSON escapes it as "<\/".
                String table = json.writeValueAsString(routes).replace("</", "<\\/");
                s = index.replace(
                        ROUTES_MARK, "<script type=\"application/json\" id=\"routes\">" + table + "</script>");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            shell = s;
        }
        return s;
    }

    private static String read(String resource) {
        try (InputStream in = Pages.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
