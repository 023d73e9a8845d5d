package dev.hearth.hub.client;

import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.CircuitPolicy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import dev.hearth.platform.http.UpstreamSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A client for any service with an HTTP API, on the platform stack: the stack's connection pool, timeouts, answer
 * bound and no-redirect rule, with no auth of its own ({@link AuthStrategy#none()}) because the style is found here,
 * at the first call, from the credentials and the {@link AuthHints}:
 * <ul>
 * <li>a token: {@code Authorization: Bearer};</li>
 * <li>an API key: where the hints say, else {@code X-Api-Key} and, when that is refused, the {@code apikey} query
 * parameter, then a bearer header — the first the service accepts is kept;</li>
 * <li>a user name and password: a login at the hinted endpoint or, in turn, at {@link #COMMON_LOGIN_ENDPOINTS}
 * (a form first, then JSON when the form is refused as such); its answer tells a token (JWT or opaque, then sent as
 * a bearer) from a session cookie (kept in the client's jar); with no login endpoint at all, basic auth.</li>
 * </ul>
 * A logged-in client keeps its token, and on a 401 (or a 403 with a session cookie) logs in again once and repeats
 * the call once, provided the session had worked before: a login that never helps is not repeated call after call.
 * A refused login (401/403 from the login endpoint, qBittorrent's {@code Fails.}) is remembered for a cool-down and
 * fails fast meanwhile, so a wrong password never becomes a login storm (qBittorrent bans an address after 5).
 *
 * <p>Thread-safe; keep one per service. Secrets appear in no message, log line or {@code toString}.
 */
public final class GenericApiClient {
    private static final Logger LOG = Logger.getLogger(GenericApiClient.class);

    /** The seed's common auth endpoints, then the login paths most met on a home server (qBittorrent's last). */
    public static final List<String> COMMON_LOGIN_ENDPOINTS = List.of(
            "/api/auth",
            "/api/login",
            "/auth/login",
            "/login",
            "/api/auth/login",
            "/api/v1/auth/login",
            "/api/v2/auth/login");

    public static final String DEFAULT_API_KEY_HEADER = "X-Api-Key";
    public static final String DEFAULT_API_KEY_QUERY = "apikey";

    private final UpstreamClient http;
    private final AuthHints hints;
    private final Clock clock;
    private final Duration failedLoginCooldown;
    private final ReentrantLock lock =
            new ReentrantLock(); // a login does I/O under it: no synchronized (virtual threads)
    private ApiCredentials credentials; // guarded by lock
    private @Nullable Auth auth; // guarded by lock
    private boolean confirmed; // a call was accepted with the current auth
    private int generation; // +1 per login
    private @Nullable String refusal; // a remembered login refusal
    private Instant refusedAt = Instant.EPOCH;

    private GenericApiClient(
            UpstreamClient http, ApiCredentials credentials, AuthHints hints, Clock clock, Duration cooldown) {
        this.http = http;
        this.credentials = credentials;
        this.hints = hints;
        this.clock = clock;
        this.failedLoginCooldown = cooldown;
    }

    public static Builder builder(HttpStack stack, String name, URI baseUrl) {
        return new Builder(stack, name, baseUrl);
    }

    public String name() {
        return http.name();
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    /** The style in use, once the first call found it; {@link AuthStyle#UNKNOWN} before. */
    public AuthStyle authStyle() {
        lock.lock();
        try {
            Auth a = auth;
            return a == null ? AuthStyle.UNKNOWN : a.style();
        } finally {
            lock.unlock();
        }
    }

    /** New credentials (set in the vault, say): the session and a remembered refusal are dropped; the next call finds its style again. */
    public void updateCredentials(ApiCredentials next) {
        lock.lock();
        try {
            if (next.equals(credentials)) {
                return;
            }
            credentials = next;
            auth = null;
            refusal = null;
            confirmed = false;
        } finally {
            lock.unlock();
        }
    }

    public UpstreamResponse get(String path) {
        return send(ApiRequest.get(path));
    }

    public UpstreamResponse get(String path, Map<String, String> query) {
        return send(ApiRequest.get(path).withQuery(query));
    }

    public UpstreamResponse post(String path, ApiBody body) {
        return send(ApiRequest.of("POST", path).withBody(body));
    }

    public UpstreamResponse put(String path, ApiBody body) {
        return send(ApiRequest.of("PUT", path).withBody(body));
    }

    public UpstreamResponse patch(String path, ApiBody body) {
        return send(ApiRequest.of("PATCH", path).withBody(body));
    }

    public UpstreamResponse delete(String path) {
        return send(ApiRequest.of("DELETE", path));
    }

    /** Sends {@code request} authenticated; returns any status. Failures of the call itself are {@link UpstreamException}s. */
    public UpstreamResponse send(ApiRequest request) {
        Auth a = currentAuth();
        UpstreamResponse response = http.send(build(request, a));
        if (a instanceof Static s && s.tentative() && refusedKey(response)) {
            return findKeyPlacement(request, s, response);
        }
        if (!(a instanceof LoggedIn session)) {
            return response;
        }
        if (!sessionRejected(session, response)) {
            confirm(session);
            return response;
        }
        LoggedIn renewed = renew(session);
        if (renewed == null) {
            return response; // the login just made did not help: answer as it is, and do not log in again for it
        }
        UpstreamResponse again = http.send(build(request, renewed));
        if (!sessionRejected(renewed, again)) {
            confirm(renewed);
        }
        return again;
    }

    /** A cookie of the client's jar (a test's view of a session). */
    java.util.Optional<String> cookie(String name) {
        return http.cookie(name);
    }

    @Override
    public String toString() {
        return "GenericApiClient[" + http.name() + " at " + http.baseUrl() + ", "
                + authStyle().wire() + "]";
    }

    // --- auth ---

    /** The auth as resolved; never its secrets in {@code toString}. */
    private sealed interface Auth permits Static, LoggedIn {
        AuthStyle style();
    }

    /** Headers and query parameters added to each call. {@code tentative}: an API key whose placement is a guess. */
    private record Static(AuthStyle style, Map<String, String> headers, Map<String, String> query, boolean tentative)
            implements Auth {
        @Override
        public String toString() {
            return "Static[" + style + ", headers=" + headers.keySet() + ", query=" + query.keySet() + "]";
        }
    }

    /** A login's result: a bearer token, or (token null) a session cookie in the jar; where and with which body it worked. */
    private record LoggedIn(
            AuthStyle style,
            String endpoint,
            boolean json,
            @Nullable String token,
            int generation) implements Auth {
        @Override
        public String toString() {
            return "LoggedIn[" + style + " at " + endpoint + "]";
        }
    }

    private Auth currentAuth() {
        lock.lock();
        try {
            failFastIfRefused();
            Auth a = auth;
            if (a == null) {
                a = resolve(credentials);
                auth = a;
                confirmed = false;
            }
            return a;
        } finally {
            lock.unlock();
        }
    }

    /** Credentials and hints → the auth to use; logs in when that is the style. Runs under the lock. */
    private Auth resolve(ApiCredentials c) {
        AuthStyle hinted = hints.style();
        String user = c.username();
        String password = c.password();
        String key = c.apiKey();
        String token = c.token();
        if (c.isEmpty() || hinted == AuthStyle.NONE) {
            return new Static(AuthStyle.NONE, Map.of(), Map.of(), false);
        }
        if (hinted == AuthStyle.BASIC && user != null && password != null) {
            return basic(user, password);
        }
        if (hinted != null && hinted.isLogin() && c.hasLogin()) {
            return login(c, null);
        }
        if (key != null && (hinted == AuthStyle.API_KEY_HEADER || hinted == AuthStyle.API_KEY_QUERY)) {
            return hinted == AuthStyle.API_KEY_QUERY
                    ? new Static(AuthStyle.API_KEY_QUERY, Map.of(), Map.of(keyQuery(), key), false)
                    : new Static(AuthStyle.API_KEY_HEADER, Map.of(keyHeader(), keyValue(key)), Map.of(), false);
        }
        if (token != null) {
            return bearer(token);
        }
        if (key != null && hinted == AuthStyle.BEARER) {
            return bearer(key);
        }
        if (key != null) {
            return new Static(
                    AuthStyle.API_KEY_HEADER,
                    Map.of(keyHeader(), keyValue(key)),
                    Map.of(),
                    hints.apiKeyHeader() == null);
        }
        if (c.hasLogin()) {
            return login(c, null);
        }
        // A user name alone, or a password alone: nothing a service can check.
        return new Static(AuthStyle.NONE, Map.of(), Map.of(), false);
    }

    /** Logs in; a renewal passes the last session, whose endpoint and body are then tried first. */
    private Auth login(ApiCredentials c, @Nullable LoggedIn last) {
        String user = Objects.requireNonNull(c.username());
        String password = Objects.requireNonNull(c.password());
        String hintedEndpoint = hints.loginEndpoint();
        List<String> endpoints = hintedEndpoint != null ? List.of(hintedEndpoint) : COMMON_LOGIN_ENDPOINTS;
        if (last != null) {
            List<String> first = new java.util.ArrayList<>(List.of(last.endpoint()));
            endpoints.stream().filter(e -> !e.equals(last.endpoint())).forEach(first::add);
            endpoints = first;
        }
        StringBuilder tried = new StringBuilder();
        for (String endpoint : endpoints) {
            boolean jsonKnown = last != null && last.endpoint().equals(endpoint) && last.json();
            LoginAttempt.Outcome outcome = LoginAttempt.at(http, endpoint, user, password, jsonKnown);
            switch (outcome) {
                case LoginAttempt.Outcome.Token t -> {
                    generation++;
                    AuthStyle style = t.jwt() ? AuthStyle.LOGIN_JWT : AuthStyle.LOGIN_TOKEN;
                    LOG.debugf("%s: logged in at %s (%s)", http.name(), endpoint, style.wire());
                    return new LoggedIn(style, endpoint, t.json(), t.token(), generation);
                }
                case LoginAttempt.Outcome.Cookie cookie -> {
                    generation++;
                    LOG.debugf("%s: logged in at %s (session cookie)", http.name(), endpoint);
                    return new LoggedIn(AuthStyle.SESSION_COOKIE, endpoint, cookie.json(), null, generation);
                }
                case LoginAttempt.Outcome.Refused r -> throw refuse(r.why());
                case LoginAttempt.Outcome.Absent a ->
                    tried.append(tried.isEmpty() ? "" : ", ")
                            .append(endpoint)
                            .append(" (HTTP ")
                            .append(a.status())
                            .append(')');
            }
        }
        AuthStyle hinted = hints.style();
        if (hinted == null || hinted == AuthStyle.UNKNOWN) {
            LOG.debugf("%s: no login endpoint among %s; using basic auth", http.name(), tried);
            return basic(user, password);
        }
        throw refuse("no login endpoint answered: " + tried + "; name the service's login endpoint");
    }

    private Static basic(String user, String password) {
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a basic-auth user name cannot contain ':'");
        }
        String value =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Static(AuthStyle.BASIC, Map.of("Authorization", value), Map.of(), false);
    }

    private static Static bearer(String token) {
        return new Static(AuthStyle.BEARER, Map.of("Authorization", "Bearer " + token), Map.of(), false);
    }

    private String keyHeader() {
        String h = hints.apiKeyHeader();
        return h == null ? DEFAULT_API_KEY_HEADER : h;
    }

    private String keyQuery() {
        String q = hints.apiKeyQuery();
        return q == null ? DEFAULT_API_KEY_QUERY : q;
    }

    private String keyValue(String key) {
        String prefix = hints.apiKeyPrefix();
        return prefix == null ? key : prefix + key;
    }

    /** A guessed key header was refused: the query parameter, then a bearer header; the first accepted is kept. */
    private UpstreamResponse findKeyPlacement(ApiRequest request, Static guessed, UpstreamResponse refused) {
        String key = Objects.requireNonNull(credentials.apiKey());
        for (Static candidate :
                List.of(new Static(AuthStyle.API_KEY_QUERY, Map.of(), Map.of(keyQuery(), key), false), bearer(key))) {
            UpstreamResponse r = http.send(build(request, candidate));
            if (!refusedKey(r)) {
                settle(guessed, candidate);
                LOG.debugf(
                        "%s: the API key goes as %s",
                        http.name(), candidate.style().wire());
                return r;
            }
        }
        settle(guessed, new Static(guessed.style(), guessed.headers(), guessed.query(), false));
        return refused;
    }

    private void settle(Static guessed, Static found) {
        lock.lock();
        try {
            if (auth == guessed) {
                auth = found;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Logs in again unless another caller already did since {@code session}; null when {@code session} never worked. */
    private @Nullable LoggedIn renew(LoggedIn session) {
        lock.lock();
        try {
            failFastIfRefused();
            if (auth instanceof LoggedIn current && current.generation() != session.generation()) {
                return current; // renewed meanwhile by another caller
            }
            if (!confirmed) {
                return null;
            }
            Auth a = login(credentials, session);
            auth = a;
            confirmed = false;
            return a instanceof LoggedIn l ? l : null;
        } finally {
            lock.unlock();
        }
    }

    private void confirm(LoggedIn session) {
        lock.lock();
        try {
            if (auth instanceof LoggedIn current && current.generation() == session.generation()) {
                confirmed = true;
            }
        } finally {
            lock.unlock();
        }
    }

    private void failFastIfRefused() {
        String why = refusal;
        if (why == null) {
            return;
        }
        Instant retryAt = refusedAt.plus(failedLoginCooldown);
        if (clock.instant().isBefore(retryAt)) {
            throw new UpstreamException.AuthFailed(
                    http.name(),
                    why + " (remembered: the login is not tried again before " + retryAt
                            + " unless the credentials change)");
        }
        refusal = null;
    }

    private UpstreamException.AuthFailed refuse(String why) {
        refusal = why;
        refusedAt = clock.instant();
        auth = null;
        LOG.debugf("%s: login refused: %s", http.name(), why);
        return new UpstreamException.AuthFailed(http.name(), why);
    }

    private static boolean refusedKey(UpstreamResponse r) {
        return r.status() == 401 || r.status() == 403;
    }

    /** 401 ends a token; a cookie session is also over at 403 (qBittorrent's answer without a valid session). */
    private static boolean sessionRejected(LoggedIn session, UpstreamResponse r) {
        return r.status() == 401 || (session.token() == null && r.status() == 403);
    }

    private static UpstreamRequest build(ApiRequest r, Auth a) {
        Map<String, String> query = new LinkedHashMap<>(r.query());
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        switch (a) {
            case Static s -> {
                query.putAll(s.query());
                headers.putAll(s.headers());
            }
            case LoggedIn l -> {
                String token = l.token();
                if (token != null) {
                    headers.put("Authorization", "Bearer " + token);
                }
            }
        }
        UpstreamRequest base = UpstreamRequest.of(r.method(), r.path());
        return new UpstreamRequest(
                r.method(),
                r.path(),
                query,
                headers,
                r.body().bytes(),
                r.body().contentType(),
                base.idempotent(),
                r.timeout());
    }

    /** How the client is made; the defaults suit calls a person waits for. */
    public static final class Builder {
        private final HttpStack stack;
        private final String name;
        private final URI baseUrl;
        private ApiCredentials credentials = ApiCredentials.none();
        private AuthHints hints = AuthHints.none();
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private long maxResponseBytes = UpstreamSpec.DEFAULT_MAX_RESPONSE_BYTES;
        private RetryPolicy retry = RetryPolicy.none();
        private Clock clock = Clock.systemUTC();
        private Duration failedLoginCooldown = AuthStrategy.DEFAULT_FAILED_LOGIN_COOLDOWN;

        private Builder(HttpStack stack, String name, URI baseUrl) {
            this.stack = stack;
            this.name = name;
            this.baseUrl = baseUrl;
        }

        public Builder credentials(ApiCredentials c) {
            this.credentials = c;
            return this;
        }

        public Builder hints(AuthHints h) {
            this.hints = h;
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = connect;
            this.requestTimeout = request;
            return this;
        }

        public Builder maxResponseBytes(long max) {
            this.maxResponseBytes = max;
            return this;
        }

        /** None by default: what the caller asked may not be safe to repeat, and a person is waiting. */
        public Builder retry(RetryPolicy r) {
            this.retry = r;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder failedLoginCooldown(Duration d) {
            this.failedLoginCooldown = d;
            return this;
        }

        public GenericApiClient build() {
            // No circuit: an API explorer that hits a failing endpoint five times must not close the service for
            // everyone.
            UpstreamSpec spec = UpstreamSpec.of(name, baseUrl)
                    .withTimeouts(connectTimeout, requestTimeout)
                    .withRetry(retry)
                    .withCircuit(CircuitPolicy.disabled())
                    .withMaxResponseBytes(maxResponseBytes);
            return new GenericApiClient(stack.client(spec), credentials, hints, clock, failedLoginCooldown);
        }
    }
}
