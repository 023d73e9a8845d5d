package dev.hearth.fakes.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service with an HTTP API in one of the auth styles the seed names, for the generic client and detection:
 * <ul>
 * <li>{@code JWT}: Portainer's login as its API reference gives it — {@code POST /api/auth} with a JSON
 * {@code {Username, Password}} (field names matched without regard to case, as Go's decoder does), 200
 * {@code {"jwt": …}}, 400 "Invalid request payload" for anything that is not JSON, 422 "Invalid credentials";</li>
 * <li>{@code TOKEN}: a login (form or JSON) at {@code /api/login} answering {@code {"token": …}}, 401 when refused;</li>
 * <li>{@code COOKIE}: a classic form login at {@code /auth/login}: 302 to {@code /} with {@code Set-Cookie}, JSON
 * refused with 415, wrong credentials 401;</li>
 * <li>{@code BASIC}: no login endpoint, basic auth on every call, 401 with {@code WWW-Authenticate: Basic};</li>
 * <li>{@code KEY_QUERY}: an API key in the {@code apikey} query parameter only; a header is not read;</li>
 * <li>{@code BEARER}: a token the owner made, as {@code Authorization: Bearer}.</li>
 * </ul>
 * The API: {@code /api/data/…} echoes method, path, query, content type and body as JSON for any verb when the
 * caller is authenticated, else 401. {@code GET /api/v1/status} is public ({@code {"version": "3.1.4"}}).
 * {@link #expireSessions()} ends every token and cookie, as a restart or a timeout does.
 */
public final class FakeLoginApi extends HubDouble {
    public enum Style {
        JWT,
        TOKEN,
        COOKIE,
        BASIC,
        KEY_QUERY,
        BEARER
    }

    public static final String USER = "hearth";
    /** Characters that a careless form or JSON encoding breaks. */
    public static final String PASSWORD = "p&ss=w0rd+\"x\\y";

    public static final String KEY = "k3y-9f86d081884c7d659a2feaa0c55a";

    private final Style style;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    public final AtomicInteger logins = new AtomicInteger();
    public final AtomicInteger refusedLogins = new AtomicInteger();

    public FakeLoginApi(Style style) {
        this.style = style;
    }

    public String loginPath() {
        return switch (style) {
            case JWT -> "/api/auth";
            case TOKEN -> "/api/login";
            case COOKIE -> "/auth/login";
            default -> "(none)";
        };
    }

    public void expireSessions() {
        sessions.clear();
    }

    @Override
    protected Reply handle(Request r) {
        String path = r.rawPath();
        if (path.equals(loginPath()) && r.method().equals("POST")) {
            return login(r);
        }
        if (path.equals("/api/v1/status") && r.method().equals("GET")) {
            return Reply.json(200, Map.of("version", "3.1.4"));
        }
        if (path.startsWith("/api/data")) {
            if (!authenticated(r)) {
                Reply refused = Reply.json(401, Map.of("message", "Unauthorized"));
                return style == Style.BASIC ? refused.withHeader("WWW-Authenticate", "Basic realm=\"fake\"") : refused;
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("method", r.method());
            echo.put("path", path);
            echo.put("query", r.rawQuery() == null ? "" : r.rawQuery());
            echo.put("content_type", r.header("Content-Type") == null ? "" : r.header("Content-Type"));
            echo.put("body", r.text());
            return Reply.json(r.method().equals("POST") ? 201 : 200, echo);
        }
        return Reply.text(404, "Not Found");
    }

    private Reply login(Request r) {
        String type = r.header("Content-Type") == null ? "" : r.header("Content-Type");
        String user;
        String password;
        if (type.startsWith("application/json")) {
            if (style == Style.COOKIE) {
                return Reply.text(415, "Unsupported Media Type");
            }
            JsonNode body = r.json();
            user = field(body, "username");
            password = field(body, "password");
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            if (style == Style.JWT) {
                return Reply.json(
                        400,
                        Map.of(
                                "message",
                                "Invalid request payload",
                                "details",
                                "invalid character 'u' looking for beginning of value"));
            }
            user = r.form().get("username");
            password = r.form().get("password");
        } else {
            return Reply.text(415, "Unsupported Media Type");
        }
        if (!USER.equals(user) || !PASSWORD.equals(password)) {
            refusedLogins.incrementAndGet();
            return style == Style.JWT
                    ? Reply.json(422, Map.of("message", "Invalid credentials", "details", "Unauthorized"))
                    : Reply.json(401, Map.of("error", "invalid credentials"));
        }
        logins.incrementAndGet();
        String session = UUID.randomUUID().toString().replace("-", "");
        sessions.add(session);
        return switch (style) {
            case JWT -> {
                String jwt = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                        + b64("{\"id\":1,\"sid\":\"" + session + "\"}") + "." + session;
                sessions.add(jwt);
                yield Reply.json(200, Map.of("jwt", jwt));
            }
            case TOKEN -> Reply.json(200, Map.of("token", session, "expires_in", 3600));
            default ->
                new Reply(302, "text/html", new byte[0], Map.of())
                        .withHeader("Location", "/")
                        .withHeader("Set-Cookie", "session=" + session + "; Path=/; HttpOnly");
        };
    }

    private boolean authenticated(Request r) {
        String auth = r.header("Authorization");
        return switch (style) {
            case JWT, TOKEN -> auth != null && auth.startsWith("Bearer ") && sessions.contains(auth.substring(7));
            case COOKIE -> {
                String cookie = r.header("Cookie");
                yield cookie != null
                        && cookie.startsWith("session=")
                        && sessions.contains(cookie.substring(8).split(";")[0]);
            }
            case BASIC ->
                ("Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD)
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .equals(auth);
            case KEY_QUERY -> KEY.equals(r.query().get("apikey"));
            case BEARER -> ("Bearer " + KEY).equals(auth);
        };
    }

    /** Go's JSON decoder matches field names without regard to case: Portainer takes {@code username} for {@code Username}. */
    private static String field(JsonNode body, String name) {
        var it = body.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(name) && e.getValue().isTextual()) {
                return e.getValue().asText();
            }
        }
        return null;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
