package dev.hearth.platform.web;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Authenticator;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.LiveTickets;
import dev.hearth.platform.security.PublicPaths;
import dev.hearth.platform.security.SessionService;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The first thing every request meets, on the event loop: a request id, the body size limit, who the
 * caller is, the rate limit, the CSRF check for cookie sessions, and "log in first" for everything but
 * the public paths. Roles per route are checked later by {@link RoleGate}, which knows the route.
 */
@Singleton
public class RequestGate {
    private static final Pattern GOOD_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ConfigService config;
    private final Errors errors;
    private final LiveTickets tickets;

    public RequestGate(Authenticator authenticator, RateLimiter rateLimiter, ConfigService config, Errors errors, LiveTickets tickets) {
        this.authenticator = authenticator;
        this.tickets = tickets;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.errors = errors;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    void handle(RoutingContext rc) {
        String incoming = rc.request().getHeader("X-Request-Id");
        String requestId = incoming != null && GOOD_REQUEST_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        rc.put(Errors.REQUEST_ID_KEY, requestId);
        rc.response().putHeader("X-Request-Id", requestId);
        String path = rc.normalizedPath();

        long max = config.current().server().maxBodySize().bytes();
        String length = rc.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > max) {
            errors.write(rc, ErrorCode.PAYLOAD_TOO_LARGE, "Request body is larger than " + config.current().server().maxBodySize(),
                    Map.of("max_bytes", max));
            return;
        }

        Cookie session = rc.request().getCookie(SessionService.COOKIE);
        String peer = rc.request().remoteAddress() == null ? "" : rc.request().remoteAddress().host();
        Authenticator.Result auth = authenticator.authenticate(rc.request()::getHeader, session == null ? null : session.getValue(), peer);
        if (auth instanceof Authenticator.Result.Rejected rejected) {
            errors.write(rc, ErrorCode.UNAUTHORIZED, rejected.message(), Map.of());
            return;
        }
        Caller caller = auth instanceof Authenticator.Result.Authenticated a ? a.caller() : null;
        // browsers cannot set headers on a WebSocket: the live sockets also take a one-time ticket in the query
        String ticket = caller == null && (path.equals("/ws") || path.equals("/monitoring")) ? rc.request().getParam("ticket") : null;
        if (ticket != null) {
            caller = tickets.redeem(ticket).orElse(null);
            if (caller == null) {
                errors.write(rc, ErrorCode.UNAUTHORIZED, "WebSocket ticket unknown, used or expired: get a new one from POST /api/v1/ws/ticket",
                        Map.of("ticket", "/api/v1/ws/ticket"));
                return;
            }
        }

        if (!path.equals("/health")) {
            RateLimiter.Decision d = rateLimiter.check(caller != null ? caller.id() : "addr:" + clientAddress(rc, peer), path);
            rc.response().putHeader("X-RateLimit-Limit", String.valueOf(d.limit()))
                    .putHeader("X-RateLimit-Remaining", String.valueOf(d.remaining()))
                    .putHeader("X-RateLimit-Reset", String.valueOf(d.resetSeconds()));
            if (!d.allowed()) {
                rc.response().putHeader("Retry-After", String.valueOf(d.resetSeconds()));
                errors.write(rc, ErrorCode.RATE_LIMITED, "Too many requests: " + d.limit() + " per minute; retry in " + d.resetSeconds() + " s",
                        Map.of("limit", d.limit(), "retry_after_seconds", d.resetSeconds()));
                return;
            }
        }

        boolean open = PublicPaths.isPublic(path) || path.equals("/metrics") && !config.current().metrics().requireAuth();
        if (caller == null && !open) {
            if (rc.request().method() == HttpMethod.GET && !path.startsWith("/api/") && acceptsHtml(rc)) {
                rc.response().setStatusCode(302).putHeader("Location", "/login").end();
                return;
            }
            errors.write(rc, ErrorCode.UNAUTHORIZED, "Authentication required: send X-API-Key, Authorization: Bearer, or log in",
                    Map.of("login", "/api/v1/auth/login"));
            return;
        }
        if (auth instanceof Authenticator.Result.Authenticated a && a.session() != null && !SAFE.contains(rc.request().method())) {
            String csrf = rc.request().getHeader(SessionService.CSRF_HEADER);
            if (csrf == null || !dev.hearth.platform.security.Tokens.constantTimeEquals(csrf, a.session().csrfToken())) {
                errors.write(rc, ErrorCode.FORBIDDEN, "CSRF token missing or wrong: send the " + SessionService.CSRF_HEADER
                        + " header with the value of the " + SessionService.CSRF_COOKIE + " cookie", Map.of());
                return;
            }
        }
        if (caller != null) rc.put(Caller.CONTEXT_KEY, caller);
        rc.next();
    }

    private String clientAddress(RoutingContext rc, String peer) {
        String forwarded = rc.request().getHeader("X-Forwarded-For");
        if (forwarded != null && authenticator.isTrustedProxy(peer)) {
            return forwarded.split(",")[0].trim();
        }
        return peer;
    }

    private static boolean acceptsHtml(RoutingContext rc) {
        String accept = rc.request().getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
