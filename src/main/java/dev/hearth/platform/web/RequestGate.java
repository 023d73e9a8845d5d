package dev.hearth.platform.web;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.security.Authenticator;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.LiveTickets;
import dev.hearth.platform.security.ProxyTrust;
import dev.hearth.platform.security.SessionService;
import dev.hearth.platform.security.Tokens;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The first thing every request meets, on the event loop: a request id, the browser security headers,
 * who the client is (behind a trusted proxy, the address the proxy saw), the body size limit of its
 * route, who the caller is, the rate limit (rejected credentials count against the address), "log in
 * first" for everything but {@link dev.hearth.platform.security.Public} routes, and the CSRF check for
 * every credential a browser sends by itself (a session cookie, a proxy's login). Roles per route are
 * checked later by {@link RoleGate}, which knows the route.
 */
@Singleton
public class RequestGate {
    private static final Pattern GOOD_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Where the gate leaves a streamed body's limit for {@link #limitStreamedBody}. */
    private static final String BODY_LIMIT_KEY = "hearth.body_limit";
    /**
     * Only Hearth's own files run, load and connect; nothing inline, nothing framed. {@code data:} images are
     * for the stylesheets' icons. WebSocket connections to this origin are covered by {@code 'self'}.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ConfigService config;
    private final Errors errors;
    private final LiveTickets tickets;
    private final ProxyTrust proxies;
    private final RouteRules routes;
    private final RejectedCredentials rejections;
    private final @Nullable BrowserPages pages;

    public RequestGate(
            Authenticator authenticator,
            RateLimiter rateLimiter,
            ConfigService config,
            Errors errors,
            LiveTickets tickets,
            ProxyTrust proxies,
            RouteRules routes,
            RejectedCredentials rejections,
            Instance<BrowserPages> pages) {
        this.authenticator = authenticator;
        this.tickets = tickets;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.errors = errors;
        this.proxies = proxies;
        this.routes = routes;
        this.rejections = rejections;
        this.pages = pages.isResolvable() ? pages.get() : null;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
        // after Quarkus's own upload limit (order -2), which would otherwise put back the server-wide one
        filters.register(this::limitStreamedBody, 1);
    }

    void handle(RoutingContext rc) {
        String incoming = rc.request().getHeader("X-Request-Id");
        String requestId = incoming != null && GOOD_REQUEST_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        rc.put(Errors.REQUEST_ID_KEY, requestId);
        HttpServerResponse response = rc.response();
        response.putHeader("X-Request-Id", requestId)
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY");
        String path = rc.normalizedPath();
        HttpMethod method = rc.request().method();
        HearthConfig current = config.current();

        String peer = rc.request().remoteAddress() == null
                ? ""
                : rc.request().remoteAddress().host();
        String client = proxies.clientAddress(peer, rc.request().getHeader("X-Forwarded-For"));
        boolean https = proxies.https(rc.request().isSSL(), peer, rc.request().getHeader("X-Forwarded-Proto"));
        boolean secureCookies =
                proxies.secureCookies(rc.request().isSSL(), peer, rc.request().getHeader("X-Forwarded-Proto"));
        rc.put(CurrentCaller.CLIENT_ADDRESS_KEY, client);
        rc.put(CurrentCaller.HTTPS_KEY, secureCookies);
        RouteRules.Rule rule = routes.of(method.name(), path);

        if (!withinBodyLimit(rc, rule, current.server())) return;

        Cookie session = rc.request().getCookie(SessionService.cookieName(secureCookies));
        Authenticator.Result auth =
                authenticator.authenticate(rc.request()::getHeader, session == null ? null : session.getValue(), peer);
        String addressClient = "addr:" + ProxyTrust.bucket(client);
        if (auth instanceof Authenticator.Result.Rejected rejected) {
            // a guess costs the guesser's address its requests, like any other request without a caller
            if (limited(rc, rateLimiter.check(addressClient, path))) return;
            rejections.rejected(client, rejected.message());
            errors.write(rc, ErrorCode.UNAUTHORIZED, rejected.message(), Map.of());
            return;
        }
        Caller caller = auth instanceof Authenticator.Result.Authenticated a ? a.caller() : null;
        SessionService.Session sessionState = auth instanceof Authenticator.Result.Authenticated a ? a.session() : null;
        boolean upgrade = "websocket".equalsIgnoreCase(rc.request().getHeader("Upgrade"));
        // Browsers cannot set headers on a WebSocket: a live socket may bring a one-time ticket instead, which
        // the socket itself redeems (so it knows whose it is); here it is only checked.
        String ticket = caller == null && upgrade ? rc.request().getParam("ticket") : null;
        if (ticket != null && !tickets.valid(ticket)) {
            errors.write(
                    rc,
                    ErrorCode.UNAUTHORIZED,
                    "WebSocket ticket unknown, used or expired: get a new one (POST /api/v1/ws/ticket)",
                    Map.of());
            return;
        }

        if (rule.rateLimited() && limited(rc, rateLimiter.check(caller != null ? caller.id() : addressClient, path)))
            return;

        boolean open = rule.isPublic()
                || publicStatic(path)
                || path.equals("/metrics")
                        && (!current.metrics().requireAuth()
                                || current.metrics().openOnLoopback() && directFromLoopback(rc, peer));
        if (caller == null && ticket == null && !open) {
            if (method == HttpMethod.GET && !path.startsWith("/api/") && acceptsHtml(rc) && pages != null) {
                response.setStatusCode(302)
                        .putHeader("Location", pages.loginPage())
                        .end();
                return;
            }
            errors.write(
                    rc,
                    ErrorCode.UNAUTHORIZED,
                    "Authentication required: send X-API-Key, Authorization: Bearer, or log in",
                    pages == null ? Map.of() : Map.of("login", pages.loginRoute()));
            return;
        }
        if (caller != null
                && caller.ambient()
                && (upgrade || !SAFE.contains(method))
                && !sameOrigin(rc, https, upgrade ? null : sessionState)) {
            errors.write(
                    rc,
                    ErrorCode.FORBIDDEN,
                    upgrade
                            ? "CSRF: a live socket opened with the session cookie or a proxy's login must come from this site (Origin)"
                            : "CSRF: a change made with the session cookie or a proxy's login must come from this site: send the "
                                    + SessionService.CSRF_HEADER + " header with the value of the "
                                    + SessionService.csrfCookieName(secureCookies)
                                    + " cookie (or a same-origin Origin)",
                    Map.of());
            return;
        }
        if (caller != null) rc.put(Caller.CONTEXT_KEY, caller);
        Long streamedLimit = rc.get(BODY_LIMIT_KEY);
        if (streamedLimit != null && !SAFE.contains(method) && !multipart(rc)) {
            // A body without Content-Length: read it here, within the route's limit, so going over it is a 413 in
            // the error shape (the failure handler). Such bodies are small (the JSON limit); uploads stream on.
            BodyHandler.create(false).setBodyLimit(streamedLimit).handle(rc);
            return;
        }
        rc.next();
    }

    /**
     * This machine itself, not a proxy on it: a reverse proxy on loopback would otherwise open the route to
     * everyone it forwards, so any forwarding header closes it, trusted proxy or not.
     */
    private static boolean directFromLoopback(RoutingContext rc, String peer) {
        if (rc.request().getHeader("X-Forwarded-For") != null
                || rc.request().getHeader("Forwarded") != null
                || rc.request().getHeader("X-Real-IP") != null) return false;
        // the peer is the socket's literal address (Vert.x gives no host name here): no lookup is made
        return peer.startsWith("127.") || peer.equals("::1") || peer.equals("0:0:0:0:0:0:0:1");
    }

    private static boolean multipart(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    /** Content-Length over the route's limit: 413 now. No Content-Length: the limit is handed to the body reader. */
    private boolean withinBodyLimit(RoutingContext rc, RouteRules.Rule rule, HearthConfig.Server server) {
        long max = bodyLimit(rule, rc.request().getHeader("Content-Type"), server);
        String length = rc.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > max) {
            errors.write(
                    rc,
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "Request body is larger than " + describe(max) + ", this route's limit",
                    Map.of("max_bytes", max));
            return false;
        }
        if (length == null) rc.put(BODY_LIMIT_KEY, max);
        return true;
    }

    static long bodyLimit(RouteRules.Rule rule, @Nullable String contentType, HearthConfig.Server server) {
        long all = server.maxBodySize().bytes();
        boolean upload = rule.uploads()
                && contentType != null
                && contentType.toLowerCase().startsWith("multipart/form-data");
        long limit = upload ? all : Math.min(all, server.maxJsonBodySize().bytes());
        return rule.bodyLimit() > 0 ? Math.min(limit, rule.bodyLimit()) : limit;
    }

    private void limitStreamedBody(RoutingContext rc) {
        Long limit = rc.get(BODY_LIMIT_KEY);
        if (limit != null) rc.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
        rc.next();
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0
                ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private boolean limited(RoutingContext rc, RateLimiter.Decision d) {
        rc.response()
                .putHeader("X-RateLimit-Limit", String.valueOf(d.limit()))
                .putHeader("X-RateLimit-Remaining", String.valueOf(d.remaining()))
                .putHeader("X-RateLimit-Reset", String.valueOf(d.resetSeconds()));
        if (d.allowed()) return false;
        rc.response().putHeader("Retry-After", String.valueOf(d.resetSeconds()));
        errors.write(
                rc,
                ErrorCode.RATE_LIMITED,
                "Too many requests: " + d.limit() + " per minute; retry in " + d.resetSeconds() + " s",
                Map.of("limit", d.limit(), "retry_after_seconds", d.resetSeconds()));
        return true;
    }

    /**
     * A browser's request made by this site's own page: it echoed the session's CSRF token (which only this
     * origin can read), or the browser itself says so: {@code Sec-Fetch-Site: same-origin}, or an
     * {@code Origin} equal to this origin. A form or script on any other site has neither.
     */
    private boolean sameOrigin(RoutingContext rc, boolean https, SessionService.@Nullable Session session) {
        String token = rc.request().getHeader(SessionService.CSRF_HEADER);
        if (session != null && token != null && Tokens.constantTimeEquals(token, session.csrfToken())) return true;
        if ("same-origin".equals(rc.request().getHeader("Sec-Fetch-Site"))) return true;
        String origin = rc.request().getHeader("Origin");
        return origin != null && Origins.same(origin, authority(rc), https);
    }

    /** The host the browser addressed: {@code Host}, or what a trusted proxy says it was. */
    private String authority(RoutingContext rc) {
        String peer = rc.request().remoteAddress() == null
                ? ""
                : rc.request().remoteAddress().host();
        String forwarded = rc.request().getHeader("X-Forwarded-Host");
        if (forwarded != null && !forwarded.isBlank() && proxies.trusts(peer)) return forwarded.split(",")[0].trim();
        // HTTP/1.1's Host, or HTTP/2's :authority (an h2c upgrade has no Host header)
        var authority = rc.request().authority();
        if (authority == null) return "";
        String host = authority.host().contains(":") && !authority.host().startsWith("[")
                ? "[" + authority.host() + "]"
                : authority.host();
        return authority.port() >= 0 ? host + ":" + authority.port() : host;
    }

    private boolean publicStatic(String path) {
        if (pages == null) return false;
        List<String> prefixes = pages.publicPrefixes();
        for (String p : prefixes) {
            if (p.endsWith("/") ? path.startsWith(p) : path.equals(p)) return true;
        }
        return false;
    }

    private static boolean acceptsHtml(RoutingContext rc) {
        String accept = rc.request().getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
