package dev.hearth.system.api;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.LoginThrottle;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.SessionService;
import dev.hearth.platform.security.UserService;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Browser login: a session cookie (HttpOnly, SameSite=Strict) and a readable CSRF cookie to echo back. */
@Path("/api/v1/auth")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    private static final Logger LOG = Logger.getLogger(AuthResource.class);

    public record Login(String username, String password) {}

    private final UserService users;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final ConfigService config;
    private final CurrentCaller caller;

    public AuthResource(UserService users, SessionService sessions, LoginThrottle throttle, ConfigService config, CurrentCaller caller) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Login login, @Context HttpServerRequest request) {
        if (login == null || login.username() == null || login.password() == null) {
            throw new ApiException(ErrorCode.INVALID_INPUT, "Send {\"username\": ..., \"password\": ...}");
        }
        String address = request.remoteAddress() == null ? "" : request.remoteAddress().host();
        Optional<Duration> locked = throttle.lockedFor(address, login.username());
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            throw new ApiException(ErrorCode.RATE_LIMITED, "Too many failed logins; try again in " + seconds + " s",
                    Map.of("retry_after_seconds", seconds));
        }
        Optional<UserService.User> user = users.authenticate(login.username(), login.password());
        if (user.isEmpty()) {
            throttle.failed(address, login.username());
            LOG.warnf("Failed login for user '%s' from %s", login.username(), address);
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Wrong user name or password");
        }
        throttle.succeeded(address, login.username());
        SessionService.NewSession created = sessions.create(user.get());
        int maxAge = (int) config.current().security().sessionTtl().toSeconds();
        boolean secure = config.current().security().secureCookies();
        NewCookie session = new NewCookie.Builder(SessionService.COOKIE).value(created.token()).path("/").maxAge(maxAge)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
        NewCookie csrf = new NewCookie.Builder(SessionService.CSRF_COOKIE).value(created.session().csrfToken()).path("/").maxAge(maxAge)
                .httpOnly(false).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user.get().username());
        body.put("role", user.get().role().id());
        body.put("csrf_token", created.session().csrfToken());
        body.put("expires_at", created.session().expiresAt().toString());
        return Response.ok(body).cookie(session, csrf).build();
    }

    @POST
    @Path("/logout")
    @Allow(Role.VIEWER)
    public Response logout(@CookieParam(SessionService.COOKIE) String token) {
        if (token != null) sessions.end(token);
        NewCookie gone = new NewCookie.Builder(SessionService.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.ok(Map.of("logged_out", true)).cookie(gone).build();
    }

    @GET
    @Path("/me")
    @Allow(Role.VIEWER)
    public Map<String, Object> me() {
        Caller c = caller.get();
        return Map.of("id", c.id(), "name", c.name(), "role", c.role().id(), "method", c.method().name().toLowerCase());
    }
}
