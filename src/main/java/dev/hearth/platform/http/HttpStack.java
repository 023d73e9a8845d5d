package dev.hearth.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hearth's one outbound HTTP stack; one per application. Plain class, wired by a CDI producer.
 * Makes one {@link UpstreamClient} per upstream, each with its own cookie jar (qBittorrent and Deluge
 * keep their session in one), sent and filled by the {@link Transport}. The JDK {@link HttpClient}s
 * under them (HTTP/1.1, never following redirects) are shared, one per connect timeout: each one
 * keeps a selector thread and its buffers while it lives, so one per upstream cost a thread per
 * service (200 services, 200 threads; docs/benchmarks.md, "Memory budget"). TLS is set up at the
 * first https call ({@link DeferredTls}): most upstreams are plain http, and building the default
 * context parses the whole CA store. All share one JSON mapper.
 *
 * <p>Plain-http upstreams get clients whose executor runs the client's work where it is handed over (the selector
 * thread, when the socket is ready): the answer is parsed, read into its bounded body and the waiting caller woken in
 * one step, where a virtual-thread executor added a thread start and a scheduling wait to every call (docs/benchmarks.md,
 * "Reading the hub's figures"). That work is short and never blocks (the body is {@link CappedBody}; cookies, retries
 * and JSON stay on the caller's thread). https upstreams keep the virtual-thread executor: a TLS handshake's delegated
 * tasks (certificate checks, the CA store's first parse) are CPU work that must not hold the selector thread every
 * other call of the client waits on.
 */
public final class HttpStack implements AutoCloseable {

    private final ObjectMapper json;
    private final ObjectReader lenientJson;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** Keyed by connect timeout and whether the client is for https (see the class comment). */
    private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();

    private record ClientKey(Duration connectTimeout, boolean tls) {}
    /** One upstream client per spec, for features that share an upstream account ({@link #shared}). */
    private final Map<UpstreamSpec, UpstreamClient> perSpec = new ConcurrentHashMap<>();

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
        boolean tls = !"http".equalsIgnoreCase(spec.baseUrl().getScheme());
        HttpClient http = clients.computeIfAbsent(new ClientKey(spec.connectTimeout(), tls), this::build);
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
        return perSpec.computeIfAbsent(spec, this::client);
    }

    private HttpClient build(ClientKey key) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // LAN daemons speak 1.1; h2c upgrade only costs a round trip
                .connectTimeout(key.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect to another host must not carry our credentials
                .executor(key.tls() ? executor : Runnable::run)
                .sslContext(tls)
                .sslParameters(DeferredTls.parameters())
                .build();
    }

    /** Stops every client made here and aborts calls in flight. */
    @Override
    public void close() {
        clients.values().forEach(HttpClient::shutdownNow);
        clients.clear();
        perSpec.clear();
        executor.shutdownNow();
    }
}
