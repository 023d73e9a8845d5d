package dev.hearth.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpCookie;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client for one upstream, made by {@link HttpStack#client}. Thread-safe; keep one per
 * upstream for the application's life, because it holds that upstream's connection pool, cookie
 * jar, session and circuit. {@link #send} returns any answer, also non-2xx; the {@code getJson}
 * methods insist on 2xx. Failures are {@link UpstreamException}s.
 */
public final class UpstreamClient {

    private final Transport transport;
    private final ObjectMapper json;
    private final AuthSession auth;

    /** The client integrations use: auth applied. */
    static UpstreamClient create(Transport transport, ObjectMapper json, Clock clock) {
        UpstreamClient raw = new UpstreamClient(transport, json, null, clock);
        return new UpstreamClient(transport, json, raw, clock);
    }

    /**
     * {@code raw == null} makes the raw twin: same transport, no auth. It is what a
     * {@link SessionLogin} gets, so logging in can never trigger another login.
     */
    private UpstreamClient(Transport transport, ObjectMapper json, @Nullable UpstreamClient raw, Clock clock) {
        this.transport = transport;
        this.json = json;
        this.auth = raw == null
                ? AuthSession.start(AuthStrategy.none(), transport, this, clock)
                : AuthSession.start(transport.spec().auth(), transport, raw, clock);
    }

    public String name() {
        return transport.spec().name();
    }

    public URI baseUrl() {
        return transport.spec().baseUrl();
    }

    public UpstreamSpec spec() {
        return transport.spec();
    }

    /** Sends the request with auth, retry and circuit; returns any status. */
    public UpstreamResponse send(UpstreamRequest request) {
        return auth.send(request);
    }

    /** GET, retried when it fails in a retryable way; returns any status. */
    public UpstreamResponse get(String pathAndQuery) {
        return send(UpstreamRequest.get(pathAndQuery));
    }

    /** GET that must answer 2xx with JSON. */
    public JsonNode getJson(String pathAndQuery) {
        return successful(jsonGet(pathAndQuery)).json();
    }

    /** GET that must answer 2xx with JSON mapping onto {@code type} (unknown fields ignored). */
    public <T> T getJson(String pathAndQuery, Class<T> type) {
        return successful(jsonGet(pathAndQuery)).as(type);
    }

    /** POST of {@code body} as JSON; not retried (use {@link #send} with {@link UpstreamRequest#asIdempotent()} for reads). */
    public UpstreamResponse postJson(String path, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + body.getClass().getSimpleName() + " as JSON for " + name(), e);
        }
        return send(UpstreamRequest.post(path, bytes, "application/json").withHeader("Accept", "application/json"));
    }

    /** POST of an {@code application/x-www-form-urlencoded} form; not retried. */
    public UpstreamResponse postForm(String path, Map<String, String> form) {
        return send(UpstreamRequest.post(path, UpstreamRequest.formBody(form), "application/x-www-form-urlencoded"));
    }

    public CircuitState circuitState() {
        return transport.circuit().state();
    }

    /** Forgets the session and a remembered login refusal; call it when the credentials change. */
    public void resetAuth() {
        auth.reset();
    }

    /** A cookie from this client's jar, e.g. to check a login left its session cookie. */
    public Optional<String> cookie(String name) {
        return transport.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /**
     * Throws {@link UpstreamException.HttpStatus} for a non-2xx answer. Public so integrations that
     * {@link #send} can apply the same rule and message.
     */
    public UpstreamResponse successful(UpstreamResponse response) {
        if (response.isSuccess()) {
            return response;
        }
        return failStatus(response);
    }

    @Override
    public String toString() {
        return "UpstreamClient[" + transport.spec() + "]";
    }

    private UpstreamResponse jsonGet(String pathAndQuery) {
        return send(UpstreamRequest.get(pathAndQuery).withHeader("Accept", "application/json"));
    }

    private UpstreamResponse failStatus(UpstreamResponse response) {
        int status = response.status();
        String hint = switch (status) {
            case 401, 403 -> "; check the credentials";
            case 404 -> "; check the address and the service version";
            default -> "";
        };
        throw new UpstreamException.HttpStatus(name(), "answered HTTP " + status + hint, status, response.excerpt());
    }
}
