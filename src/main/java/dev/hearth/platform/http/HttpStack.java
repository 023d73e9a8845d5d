package dev.hearth.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hearth's one outbound HTTP stack; one per application. Plain class, wired by a CDI producer.
 * Makes one {@link UpstreamClient} per upstream. {@link #client} gives it its own JDK {@link HttpClient}
 * (HTTP/1.1, never following redirects) because qBittorrent and Deluge keep their session in a
 * cookie jar, and the jar belongs to the client. {@link #sharedClient} is for an upstream that keeps no
 * session (credentials in a header on every call): its calls go through one JDK client shared with every
 * such upstream of the same connect timeout, because each JDK client costs a selector thread and its own
 * connection pool and buffers, resident even while idle. All share one virtual-thread executor and one
 * JSON mapper.
 */
public final class HttpStack implements AutoCloseable {

    private final ObjectMapper json;
    private final ObjectReader lenientJson;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<HttpClient> clients = new CopyOnWriteArrayList<>();
    /** The stateless upstreams' JDK clients, one per connect timeout (the one setting of theirs a call cannot carry). */
    private final ConcurrentHashMap<Duration, HttpClient> shared = new ConcurrentHashMap<>();
    /** One upstream client per spec, for features that share an upstream account ({@link #shared}). */
    private final ConcurrentHashMap<UpstreamSpec, UpstreamClient> perSpec = new ConcurrentHashMap<>();

    private final javax.net.ssl.SSLContext tls = DeferredTls.context();

    public HttpStack(ObjectMapper json, Clock clock) {
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lenientJson = UpstreamResponse.lenient(json);
    }

    /** A new client for {@code spec}. Call once per upstream and keep it. */
    public UpstreamClient client(UpstreamSpec spec) {
        Objects.requireNonNull(spec, "spec");
        // ACCEPT_ALL: the jar serves one upstream only, and the default policy refuses cookies
        // from some hosts a home server uses (bare names without a dot).
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = build(spec.connectTimeout(), cookies);
        clients.add(http);
        return over(spec, http, cookies);
    }

    /**
     * A client for an upstream that keeps no session: nothing in cookies, its credentials sent with every call
     * ({@link AuthStrategy#apiKeyHeader}, {@link AuthStrategy#bearer}, {@link AuthStrategy#basic}, none). It has
     * its own circuit, retry, timeouts and headers like any other, but no cookie jar: a cookie the upstream sets is
     * not kept. A session strategy is refused, as it would need the jar.
     */
    public UpstreamClient sharedClient(UpstreamSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (keepsSession(spec))
            throw new IllegalArgumentException(
                    "upstream '" + spec.name() + "' keeps a session: give it its own client (HttpStack.client)");
        HttpClient http = shared.computeIfAbsent(spec.connectTimeout(), connect -> {
            HttpClient made = build(connect, null);
            clients.add(made);
            return made;
        });
        // The transport's own jar stays empty: the shared client has none, so no upstream sees another's cookies.
        return over(spec, http, new CookieManager(null, CookiePolicy.ACCEPT_NONE));
    }

    private static boolean keepsSession(UpstreamSpec spec) {
        return spec.auth() instanceof AuthStrategy.SessionCookie || spec.auth() instanceof AuthStrategy.SessionHeader;
    }

    private HttpClient build(Duration connectTimeout, @org.jspecify.annotations.Nullable CookieManager cookies) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // LAN daemons speak 1.1; h2c upgrade only costs a round trip
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect to another host must not carry our credentials
                .executor(executor)
                // TLS set up at the first https call, not here: most upstreams are plain http (DeferredTls)
                .sslContext(tls)
                .sslParameters(DeferredTls.parameters());
        if (cookies != null) b.cookieHandler(cookies);
        return b.build();
    }

    private UpstreamClient over(UpstreamSpec spec, HttpClient http, CookieManager cookies) {
        Transport transport =
                new Transport(spec, http, cookies, new Circuit(spec.name(), spec.circuit(), clock), lenientJson);
        return UpstreamClient.create(transport, json, clock);
    }

    /**
     * The one client for {@code spec}, made on first use: features that talk to one upstream account (the Telegram
     * bot and the notification channels of the same bot) ask with equal specs and share its connections and circuit.
     */
    public UpstreamClient shared(UpstreamSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return perSpec.computeIfAbsent(spec, s -> keepsSession(s) ? client(s) : sharedClient(s));
    }

    /** Stops every client made here and aborts calls in flight. */
    @Override
    public void close() {
        clients.forEach(HttpClient::shutdownNow);
        clients.clear();
        shared.clear();
        perSpec.clear();
        executor.shutdownNow();
    }
}
