package dev.hearth.downloads.internal;

import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.ServiceCatalog;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The download clients bound in {@code hearth.yml}, in config order, and what their last poll said about
 * them. The pollers write here; every reader (API, stats) reads here and never calls a client to ask.
 */
@Singleton
public class ClientDirectory {
    /** The one kind that fetches plain links; every other kind is a torrent client. */
    public static final String DIRECT_KIND = "aria2";

    private final Map<String, DownloadClient> clients = new LinkedHashMap<>();
    private final Map<String, Health> health = new ConcurrentHashMap<>();
    private final Map<String, ClientStats> stats = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public ClientDirectory(ServiceCatalog services, Clock clock) {
        this(services.withCapability(DownloadClient.class), clock);
    }

    public ClientDirectory(List<DownloadClient> bound, Clock clock) {
        this.clock = clock;
        bound.forEach(c -> {
            clients.put(c.serviceName(), c);
            health.put(c.serviceName(), Health.unknown(clock.instant()));
        });
    }

    public List<DownloadClient> all() {
        return List.copyOf(clients.values());
    }

    public List<String> names() {
        return List.copyOf(clients.keySet());
    }

    public Optional<DownloadClient> find(String name) {
        return Optional.ofNullable(clients.get(name));
    }

    /** The named client, or 404 naming the clients that exist. */
    public DownloadClient require(String name) {
        return find(name).orElseThrow(() -> ApiException.notFound("Download client", name, clients.keySet()));
    }

    public Health health(String name) {
        return health.getOrDefault(name, Health.unknown(clock.instant()));
    }

    public Optional<ClientStats> stats(String name) {
        return Optional.ofNullable(stats.get(name));
    }

    void reportOnline(String name, ClientStats latest, long latencyMs) {
        stats.put(name, latest);
        health.put(name, Health.online("answered in " + latencyMs + " ms", clock.instant(), latencyMs));
    }

    void reportOffline(String name, RuntimeException failure, long latencyMs) {
        Health.Detail detail = failure instanceof UpstreamException.AuthFailed ? Health.Detail.AUTH_ERROR : Health.Detail.COMMUNICATION_ERROR;
        health.put(name, Health.offline(detail, String.valueOf(failure.getMessage()), clock.instant(), latencyMs));
    }
}
