package dev.hearth.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hearth's one outbound HTTP stack; one per application. Plain class, wired by a CDI producer.
 * Makes one {@link UpstreamClient} per upstream, each with its own JDK {@link HttpClient}
 * (HTTP/1.1, never following redirects) because qBittorrent and Deluge keep their session in a
 * cookie jar, and the jar belongs to the client. All share one virtual-thread executor and one
 * JSON mapper.
 */
public final class HttpStack implements AutoCloseable {

    private final ObjectMapper json;
    private final ObjectReader lenientJson;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<HttpClient> clients = new CopyOnWriteArrayList<>();
    private final java.util.Map<UpstreamSpec, UpstreamClient> shared = new java.util.concurrent.ConcurrentHashMap<>();

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
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // LAN daemons speak 1.1; h2c upgrade only costs a round trip
                .connectTimeout(spec.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect to another host must not carry our credentials
                .cookieHandler(cookies)
                .executor(executor)
                .build();
        clients.add(http);
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
        return shared.computeIfAbsent(spec, this::client);
    }

    /** Stops every client made here and aborts calls in flight. */
    @Override
    public void close() {
        clients.forEach(HttpClient::shutdownNow);
        clients.clear();
        shared.clear();
        executor.shutdownNow();
    }
}
