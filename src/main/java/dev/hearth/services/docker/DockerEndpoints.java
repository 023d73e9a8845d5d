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
 * The engine next to Hearth, when its socket is there but does not answer yet (Hearth started before dockerd at
 * boot), is asked again until it answers, and then joins as the endpoint {@code local} without a restart.
 */
public class DockerEndpoints implements Closeable {
    private static final Logger LOG = Logger.getLogger(DockerEndpoints.class);
    private static final Duration RETRY = Duration.ofSeconds(3);
    private static final Duration LOCAL_RETRY = Duration.ofSeconds(10);

    // Replaced whole (in order) when the local engine joins late; read without a lock.
    private volatile Map<String, DockerEngineClient> clients;
    private volatile Map<String, String> hosts;
    private volatile Map<String, String> certPaths;
    private final List<Runnable> onAttach = new java.util.concurrent.CopyOnWriteArrayList<>();
    private @Nullable BiConsumer<String, DockerEvent> watcher;
    private final List<DockerSubscription> subscriptions = new ArrayList<>();
    private final List<Thread> waiting = new ArrayList<>();
    /** endpoint/container names whose next exit was asked for through Hearth, with when that expectation lapses. */
    private final Map<String, Long> expectedExits = new ConcurrentHashMap<>();

    private volatile LocalDocker local;

    private volatile boolean closed;

    public DockerEndpoints(
            Map<String, DockerEngineClient> clients, Map<String, String> hosts, Map<String, String> certPaths) {
        this(clients, hosts, certPaths, LocalDocker.configured());
    }

    private DockerEndpoints(
            Map<String, DockerEngineClient> clients,
            Map<String, String> hosts,
            Map<String, String> certPaths,
            LocalDocker local) {
        this.clients = ordered(clients);
        this.hosts = ordered(hosts);
        this.certPaths = ordered(certPaths);
        this.local = local;
    }

    /**
     * The clients for the configured endpoints; with none configured, the engine next to Hearth (DOCKER_HOST or
     * the default socket, see {@code docker.local}) as the endpoint {@code local} when it answers.
     */
    public static DockerEndpoints from(ConfigService config, ObjectMapper json) {
        return from(config, json, LOCAL_RETRY);
    }

    static DockerEndpoints from(ConfigService config, ObjectMapper json, Duration localRetry) {
        DockerConfig docker = config.current().section(DockerConfig.class);
        if (docker.endpoints().isEmpty()) {
            String dockerHost = System.getenv("DOCKER_HOST");
            LocalDocker.Probe probe = LocalDocker.probe(docker.local(), dockerHost, json);
            DockerEngineClient client = probe.client();
            if (client == null) {
                DockerEndpoints none = new DockerEndpoints(Map.of(), Map.of(), Map.of(), probe.finding());
                if (probe.finding().state().equals("unreachable"))
                    none.awaitLocal(docker.local(), dockerHost, json, localRetry);
                return none;
            }
            return new DockerEndpoints(
                    Map.of(DockerConfig.LOCAL_ENDPOINT, client),
                    Map.of(DockerConfig.LOCAL_ENDPOINT, probe.finding().host()),
                    Map.of(DockerConfig.LOCAL_ENDPOINT, ""),
                    probe.finding());
        }
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

    /** Asks the local engine again every {@code every} until it answers, then adds it as the endpoint {@code local}. */
    private void awaitLocal(String setting, @Nullable String dockerHost, ObjectMapper json, Duration every) {
        Thread t = Thread.ofVirtual().name("docker-local-wait").start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                LocalDocker.Probe probe = LocalDocker.probe(setting, dockerHost, json, false);
                DockerEngineClient client = probe.client();
                if (client != null) {
                    attach(probe.finding(), client);
                    return;
                }
            }
        });
        synchronized (this) {
            waiting.add(t);
        }
    }

    private void attach(LocalDocker found, DockerEngineClient client) {
        synchronized (this) {
            if (closed) return;
            hosts = with(hosts, found.host());
            certPaths = with(certPaths, "");
            clients = with(clients, client);
            local = found;
            if (watcher != null) subscribe(DockerConfig.LOCAL_ENDPOINT, client, watcher);
        }
        onAttach.forEach(Runnable::run);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static <V> Map<String, V> with(Map<String, V> m, V local) {
        Map<String, V> next = new LinkedHashMap<>(m);
        next.put(DockerConfig.LOCAL_ENDPOINT, local);
        return ordered(next);
    }

    /** Runs {@code then} when an endpoint joins after the start (the local engine answering late). */
    public void onAttach(Runnable then) {
        onAttach.add(then);
    }

    /** What was found of the engine next to Hearth when no endpoint is configured. */
    public LocalDocker local() {
        return local;
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
        watcher = consumer;
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
