package dev.hearth.downloads.internal;

import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.DownloadCapability;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.HealthBoard;
import dev.hearth.services.ServiceRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The download clients: every service whose kind offers {@link DownloadClient}, in config order, with the
 * kind's {@link DownloadCapability} (what it takes, what it keeps). Their health is the health board's;
 * their figures are the last poll's. Readers never call a client to ask.
 */
@Singleton
public class ClientDirectory {
    /** A client with what its kind says it can do. */
    public record Client(DownloadClient client, DownloadCapability capability) {
        public String name() {
            return client.serviceName();
        }
    }

    private final Supplier<List<Client>> source;
    private final Function<String, Health> health;
    private final Map<String, ClientStats> stats = new ConcurrentHashMap<>();

    @Inject
    public ClientDirectory(ServiceRegistry services, HealthBoard board) {
        this(
                () -> services.offering(DownloadClient.class).stream()
                        .map(o -> new Client(
                                o.client(),
                                o.kind().capability(DownloadCapability.class).orElseThrow()))
                        .toList(),
                board::health);
    }

    public ClientDirectory(Supplier<List<Client>> source, Function<String, Health> health) {
        this.source = source;
        this.health = health;
    }

    public List<Client> all() {
        return source.get();
    }

    public List<String> names() {
        return all().stream().map(Client::name).toList();
    }

    public Optional<Client> find(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The named client, or 404 naming the clients that exist. */
    public Client require(String name) {
        return find(name).orElseThrow(() -> ApiException.notFound("Download client", name, names()));
    }

    public Health health(String name) {
        return health.apply(name);
    }

    public Optional<ClientStats> stats(String name) {
        return Optional.ofNullable(stats.get(name));
    }

    void recordStats(String name, ClientStats latest) {
        stats.put(name, latest);
    }
}
