package dev.hearth.services.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.services.DockerConfig;
import java.io.Closeable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The named Docker endpoints of {@code docker.endpoints}, one client each, and their event streams.
 * An engine that cannot be reached when watching starts is tried again every few seconds; once
 * connected, the client itself reconnects (resuming from the last event) if the engine goes away.
 */
public class DockerEndpoints implements Closeable {
    private static final Logger LOG = Logger.getLogger(DockerEndpoints.class);
    private static final Duration RETRY = Duration.ofSeconds(3);

    private final Map<String, DockerEngineClient> clients;
    private final Map<String, String> hosts;
    private final Map<String, String> certPaths;
    private final List<DockerSubscription> subscriptions = new ArrayList<>();
    private final List<Thread> waiting = new ArrayList<>();
    /** endpoint/container names whose next exit was asked for through Hearth, with when that expectation lapses. */
    private final Map<String, Long> expectedExits = new ConcurrentHashMap<>();

    private volatile boolean closed;

    public DockerEndpoints(
            Map<String, DockerEngineClient> clients, Map<String, String> hosts, Map<String, String> certPaths) {
        this.clients = new LinkedHashMap<>(clients);
        this.hosts = Map.copyOf(hosts);
        this.certPaths = Map.copyOf(certPaths);
    }

    /** The clients for the configured endpoints. */
    public static DockerEndpoints from(ConfigService config, ObjectMapper json) {
        Map<String, DockerEngineClient> clients = new LinkedHashMap<>();
        Map<String, String> hosts = new LinkedHashMap<>();
        Map<String, String> certs = new LinkedHashMap<>();
        for (DockerConfig.Endpoint e :
                config.current().section(DockerConfig.class).endpoints()) {
            var tls = e.tlsCertPath().isEmpty() ? null : DockerTls.fromCertPath(Path.of(e.tlsCertPath()));
            clients.put(e.name(), new DockerEngineClient(e.name(), URI.create(e.host()), e.timeout(), json, tls));
            hosts.put(e.name(), e.host());
            certs.put(e.name(), e.tlsCertPath());
        }
        return new DockerEndpoints(clients, hosts, certs);
    }

    public Set<String> names() {
        return clients.keySet();
    }

    public Optional<DockerEngineClient> client(String endpoint) {
        return Optional.ofNullable(clients.get(endpoint));
    }

    /** The endpoint's address as {@code DOCKER_HOST} writes it, for the compose CLI. */
    String host(String endpoint) {
        return hosts.getOrDefault(endpoint, "");
    }

    String certPath(String endpoint) {
        return certPaths.getOrDefault(endpoint, "");
    }

    /** The next exit of this container is Hearth's doing (a stop or restart) and must not alert. */
    void expectExit(String endpoint, String container, Duration within) {
        expectedExits.put(
                endpoint + "/" + container,
                System.nanoTime() + within.plusSeconds(30).toNanos());
    }

    /** Takes the expectation, if any: true when the exit that just happened was asked for. */
    boolean takeExpectedExit(String endpoint, String container) {
        Long until = expectedExits.remove(endpoint + "/" + container);
        return until != null && until - System.nanoTime() > 0;
    }

    private final Map<String, Boolean> lastExitExpected = new ConcurrentHashMap<>();

    /** Records how the container's last exit came about, as the event stream told it. */
    void recordExit(String endpoint, String container, boolean expected) {
        lastExitExpected.put(endpoint + "/" + container, expected);
    }

    /** Whether the container's last exit was asked for through Hearth (unknown counts as not). */
    boolean lastExitExpected(String endpoint, String container) {
        return lastExitExpected.getOrDefault(endpoint + "/" + container, false);
    }

    /** Streams every endpoint's container events to {@code consumer} until {@link #close()}. */
    public synchronized void watch(BiConsumer<String, DockerEvent> consumer) {
        clients.forEach((name, client) -> subscribe(name, client, consumer));
    }

    private void subscribe(String name, DockerEngineClient client, BiConsumer<String, DockerEvent> consumer) {
        Thread t = Thread.ofVirtual().name("docker-watch-" + name).start(() -> {
            boolean warned = false;
            while (!closed) {
                try {
                    DockerSubscription s = client.events(null, e -> consumer.accept(name, e));
                    synchronized (this) {
                        if (closed) {
                            s.close();
                            return;
                        }
                        subscriptions.add(s);
                    }
                    LOG.infof("Watching Docker endpoint '%s' (API %s)", name, client.apiVersion());
                    return;
                } catch (DockerException e) {
                    if (!warned)
                        LOG.warnf(
                                "Docker endpoint '%s' not reachable, retrying every %ds: %s",
                                name, RETRY.toSeconds(), e.getMessage());
                    warned = true;
                    try {
                        Thread.sleep(RETRY);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        });
        waiting.add(t);
    }

    @Override
    public synchronized void close() {
        closed = true;
        waiting.forEach(Thread::interrupt);
        subscriptions.forEach(DockerSubscription::close);
        subscriptions.clear();
    }

    /** The client for an endpoint a service names; a missing one is a configuration error, caught at start. */
    public DockerEngineClient require(String endpoint) {
        DockerEngineClient c = clients.get(endpoint);
        if (c == null)
            throw new IllegalStateException("no Docker endpoint '" + endpoint + "' (known: " + clients.keySet() + ")");
        return c;
    }

    static @Nullable String containerName(DockerEvent e) {
        return e.name();
    }
}
