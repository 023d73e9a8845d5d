package dev.hearth.web;

import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The login page (public) and the dashboard shell (after login; the request gate sends browsers to /login). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {
    private final String login = read("/web/login.html");
    private final String index = read("/web/index.html");

    @GET
    @Path("login")
    public String login() {
        return login;
    }

    @GET
    @Allow(Role.VIEWER)
    public String index() {
        return index;
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
