package dev.hearth.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.logging.LogValues;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.LoginThrottle;
import dev.hearth.platform.security.ProxyTrust;
import dev.hearth.platform.security.Public;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.SessionService;
import dev.hearth.platform.security.UserService;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.BodyLimit;
import dev.hearth.platform.web.ErrorCode;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.logging.Logger;

/**
 * Browser login: a session cookie (HttpOnly, SameSite=Strict; {@code __Host-} and Secure over HTTPS) and a
 * readable CSRF cookie to echo back. The login route reads at most 4 KB, refuses names over 128 characters
 * and passwords over 1 KB before the throttle or the log sees them, and counts failures per client
 * address (behind a trusted proxy, the proxy's client), not per name.
 */
@Path("/api/v1/auth")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    private static final Logger LOG = Logger.getLogger(AuthResource.class);
    /** A login body: two short strings. */
    static final int LOGIN_BODY_LIMIT = 4096;

    public record Login(String username, String password) {}

    public record PasswordChange(String currentPassword, String newPassword) {}

    private final UserService users;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final ConfigService config;
    private final CurrentCaller caller;
    private final ActionCatalog actions;

    public AuthResource(
            UserService users,
            SessionService sessions,
            LoginThrottle throttle,
            ConfigService config,
            CurrentCaller caller,
            ActionCatalog actions) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.config = config;
        this.caller = caller;
        this.actions = actions;
    }

    @POST
    @Path("/login")
    @Public
    @BodyLimit(LOGIN_BODY_LIMIT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Login login) {
        if (login == null || login.username() == null || login.password() == null) {
            throw new ApiException(ErrorCode.INVALID_INPUT, "Send {\"username\": ..., \"password\": ...}");
        }
        if (login.username().length() > UserService.MAX_NAME_LENGTH) {
            throw ApiException.invalid("username", "is longer than " + UserService.MAX_NAME_LENGTH + " characters");
        }
        if (login.password().getBytes(StandardCharsets.UTF_8).length > UserService.MAX_PASSWORD_BYTES) {
            throw ApiException.invalid("password", "is longer than " + UserService.MAX_PASSWORD_BYTES + " bytes");
        }
        String client = caller.address();
        String bucket = ProxyTrust.bucket(client);
        refuseIfLocked(bucket, login.username());
        Optional<UserService.User> user = users.authenticate(login.username(), login.password());
        if (user.isEmpty()) {
            throttle.failed(bucket, login.username());
            LOG.warnf("Failed login for user '%s' from %s", LogValues.safe(login.username()), LogValues.safe(client));
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Wrong user name or password");
        }
        throttle.succeeded(bucket, login.username());
        SessionService.NewSession created = sessions.create(user.get());
        int maxAge = (int) config.current().security().sessionTtl().toSeconds();
        boolean secure = caller.https();
        NewCookie session = new NewCookie.Builder(SessionService.cookieName(secure))
                .value(created.token())
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        NewCookie csrf = new NewCookie.Builder(SessionService.csrfCookieName(secure))
                .value(created.session().csrfToken())
                .path("/")
                .maxAge(maxAge)
                .httpOnly(false)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        LoggedIn body = new LoggedIn(
                user.get().username(),
                user.get().role().id(),
                created.session().csrfToken(),
                created.session().expiresAt().toString());
        return Response.ok(body).cookie(session, csrf).build();
    }

    /** Who signed in, and the CSRF token to echo in {@code X-CSRF-Token}. */
    public record LoggedIn(String user, String role, String csrfToken, String expiresAt) {}

    private void refuseIfLocked(String bucket, String username) {
        Optional<Duration> locked = throttle.lockedFor(bucket, username);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            throw new ApiException(
                    ErrorCode.RATE_LIMITED,
                    "Too many failed logins; try again in " + seconds + " s",
                    Map.of("retry_after_seconds", seconds));
        }
    }

    @POST
    @Path("/logout")
    @Allow(Role.VIEWER)
    public Response logout(@Context HttpServerRequest request) {
        boolean secure = caller.https();
        var token = request.getCookie(SessionService.cookieName(secure));
        if (token != null) sessions.end(token.getValue());
        NewCookie gone = new NewCookie.Builder(SessionService.cookieName(secure))
                .value("")
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        NewCookie csrfGone = new NewCookie.Builder(SessionService.csrfCookieName(secure))
                .value("")
                .path("/")
                .maxAge(0)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        return Response.ok(new LoggedOut(true)).cookie(gone, csrfGone).build();
    }

    public record LoggedOut(boolean loggedOut) {}

    /**
     * Changes the signed-in user's own password; the current one is required (and a wrong one counts as a
     * failed login), and the user's other sessions end.
     */
    @POST
    @Path("/password")
    @Allow(Role.VIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Record changePassword(
            @RequestBody(content = @Content(schema = @Schema(implementation = PasswordChange.class))) JsonNode body) {
        Caller who = caller.get();
        String bucket = ProxyTrust.bucket(caller.address());
        refuseIfLocked(bucket, who.name());
        try {
            return actions.invoke("accounts.change_password", body, who, "rest");
        } catch (ApiException e) {
            if ("current_password".equals(e.details().get("field"))) throttle.failed(bucket, who.name());
            throw e;
        }
    }

    @GET
    @Path("/me")
    @Allow(Role.VIEWER)
    public Me me() {
        Caller c = caller.get();
        return new Me(c.id(), c.name(), c.role().id(), c.method().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The caller: its id, name and role, and how it authenticated (key, session, proxy…). */
    public record Me(String id, String name, String role, String method) {}
}
