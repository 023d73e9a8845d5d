package dev.hearth.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationRegistry;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.discovery.DiscoveredService;
import dev.hearth.services.discovery.DiscoveryReport;
import dev.hearth.services.discovery.LabelDiscovery;
import dev.hearth.services.discovery.TraefikApi;
import dev.hearth.services.discovery.TraefikRouter;
import dev.hearth.services.docker.ContainerStateChanges;
import dev.hearth.services.docker.ContainerSummary;
import dev.hearth.services.docker.DockerEndpoints;
import dev.hearth.services.docker.DockerEvent;
import dev.hearth.services.docker.DockerException;
import dev.hearth.services.docker.DockerServiceRuntime;
import dev.hearth.services.process.ProcessRuntimes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Every service Hearth knows — from hearth.yml, then from discovery — each with its runtime (docker,
 * process or none) and its integration, with one shared health poller per integration (Home Assistant's
 * coordinator). Readers that need an answer now (the health page, /status) fan out to every service in
 * parallel, each bounded by its own timeout, so one hung upstream never holds up the rest.
 */
@Singleton
public class ServiceCatalog {
    private static final Logger LOG = Logger.getLogger(ServiceCatalog.class);
    private static final Executor VIRTUAL = r -> Thread.ofVirtual().name("service-check").start(r);
    private static final Duration STATS_MAX_AGE = Duration.ofSeconds(30);

    /** A configured service and its last health, for readers written before runtimes existed. */
    public record ServiceView(HearthConfig.ServiceEntry entry, Health health) {}

    public record Summary(int total, int online, int offline, int unknown) {}

    /** A service with what Hearth uses to act on it. */
    private record Bound(Service service, HearthConfig.ServiceEntry entry, @Nullable ServiceRuntime runtime,
                         Optional<Integration> integration) {}

    private record Usage(ResourceUsage usage, Instant at) {}

    private final ConfigService config;
    private final IntegrationRegistry registry;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ProcessRuntimes processes;
    private final DockerEndpoints docker;
    private final EventBus bus;
    private final ServiceSettings settings;
    private final HttpStack http;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private volatile Map<String, Bound> bound = Map.of();
    private final Map<String, Health> health = new ConcurrentHashMap<>();
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private final Set<String> sampling = ConcurrentHashMap.newKeySet();
    private final Map<String, Scheduler.Job> jobs = new HashMap<>();
    private Scheduler.@Nullable Job discoveryJob;
    private volatile @Nullable DiscoveryReport lastDiscovery;
    private volatile boolean started;

    public ServiceCatalog(ConfigService config, IntegrationRegistry registry, Scheduler scheduler, Clock clock, ProcessRuntimes processes,
                          DockerEndpoints docker, EventBus bus, ServiceSettings settings, HttpStack http,
                          com.fasterxml.jackson.databind.ObjectMapper json) {
        this.config = config;
        this.registry = registry;
        this.scheduler = scheduler;
        this.clock = clock;
        this.processes = processes;
        this.docker = docker;
        this.bus = bus;
        this.settings = settings;
        this.http = http;
        this.json = json;
        Map<String, ObjectNode> edits = settings.all();
        Map<String, Bound> initial = new LinkedHashMap<>();
        for (HearthConfig.ServiceEntry s : config.current().services()) {
            HearthConfig.ServiceEntry e = ServiceEdits.apply(s, edits.get(s.name()));
            initial.put(s.name(), bind(e, "config", ""));
        }
        bound = initial;
    }

    // ---- binding -------------------------------------------------------------------------------------

    private Bound bind(HearthConfig.ServiceEntry s, String source, String discoveredFrom) {
        RuntimeRef ref;
        ServiceRuntime runtime = null;
        URI url = s.url().isEmpty() ? null : URI.create(s.url());
        if (s.runtime().docker() != null) {
            var d = s.runtime().docker();
            ref = new RuntimeRef.Docker(d.endpoint(), d.container());
            runtime = new DockerServiceRuntime(s.name(), d.endpoint(), d.container(), docker, url == null ? null : url.getHost(), port(url),
                    DockerServiceRuntime.STOP_TIMEOUT);
        } else if (s.runtime().process() != null) {
            ref = new RuntimeRef.Process();
            runtime = processes.find(s.name()).orElse(null);
        } else {
            ref = new RuntimeRef.External();
        }
        Service service = new Service(s.name(), s.displayName(), s.group(), s.icon(), s.url(), s.integration(), ref, source, discoveredFrom,
                s.checkInterval(), s.timeout());
        return new Bound(service, s, runtime, integration(s));
    }

    private static @Nullable Integer port(@Nullable URI url) {
        if (url == null) return null;
        if (url.getPort() > 0) return url.getPort();
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    private Optional<Integration> integration(HearthConfig.ServiceEntry s) {
        Optional<IntegrationDescriptor> d = registry.find(s.integration());
        if (d.isEmpty()) {
            health.put(s.name(), Health.offline(Health.Detail.CONFIGURATION_ERROR, "unknown integration '" + s.integration()
                    + "' (known: " + String.join(", ", registry.all().stream().map(IntegrationDescriptor::id).toList()) + ")", clock.instant(), 0));
            return Optional.empty();
        }
        if (s.url().isEmpty()) {
            health.remove(s.name());
            return Optional.empty();
        }
        health.putIfAbsent(s.name(), Health.unknown(clock.instant()));
        return Optional.of(d.get().factory().create(new IntegrationTarget(s.name(), URI.create(s.url()), s.credentials(), s.timeout())));
    }

    // ---- lifecycle -----------------------------------------------------------------------------------

    void start(@Observes StartupEvent ignored) {
        started = true;
        bound.values().forEach(this::schedule);
        docker.watch(this::onDockerEvent);
        if (!docker.names().isEmpty()) {
            discoveryJob = scheduler.every("service-discovery", config.current().docker().discoveryInterval(), () -> {
                try {
                    discover();
                } catch (RuntimeException e) {
                    LOG.warnf("Discovery failed: %s", e.getMessage());
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        synchronized (jobs) {
            jobs.values().forEach(Scheduler.Job::cancel);
            jobs.clear();
        }
        if (discoveryJob != null) discoveryJob.cancel();
    }

    private void schedule(Bound b) {
        synchronized (jobs) {
            Scheduler.Job old = jobs.remove(b.service().name());
            if (old != null) old.cancel();
            if (started && b.integration().isPresent()) {
                jobs.put(b.service().name(), scheduler.every("health-" + b.service().name(), b.service().checkInterval(), () -> check(b.service().name())));
            }
        }
    }

    private void onDockerEvent(String endpoint, DockerEvent e) {
        String container = e.name() == null ? e.containerId() : e.name();
        for (Bound b : bound.values()) {
            if (b.service().runtime() instanceof RuntimeRef.Docker d && d.endpoint().equals(endpoint) && d.container().equals(container)) {
                ContainerStateChanges.of(docker, endpoint, e, b.service().name()).ifPresent(change -> {
                    try {
                        bus.publish(change);
                    } catch (RuntimeException ex) {
                        LOG.warnf("State change of %s not published: %s", b.service().name(), ex.getMessage());
                    }
                });
                usage.remove(b.service().name());
            }
        }
    }

    // ---- reading -------------------------------------------------------------------------------------

    public List<Service> services() {
        return bound.values().stream().map(Bound::service).toList();
    }

    public Service service(String name) {
        return find(name).service();
    }

    private Bound find(String name) {
        Bound b = bound.get(name);
        if (b == null) throw ApiException.notFound("Service", name, bound.keySet());
        return b;
    }

    /** The service named, or the one whose container has that name (clients of the seed's automation server say "container"). */
    public Service serviceOrContainer(String name) {
        Bound b = bound.get(name);
        if (b != null) return b.service();
        return bound.values().stream()
                .filter(x -> x.service().runtime() instanceof RuntimeRef.Docker d && d.container().equals(name))
                .map(Bound::service).findFirst()
                .orElseThrow(() -> ApiException.notFound("Service", name, bound.keySet()));
    }

    /** Checks one service's integration now and keeps the result for every reader. */
    public Health check(String name) {
        Bound b = bound.get(name);
        if (b == null || b.integration().isEmpty()) return health.getOrDefault(name, Health.unknown(clock.instant()));
        Health h = b.integration().get().checkHealth();
        health.put(name, h);
        return h;
    }

    /** The last polled health, no I/O. */
    public Health lastHealth(String name) {
        return health.getOrDefault(name, Health.unknown(clock.instant()));
    }

    public List<ServiceView> all() {
        return bound.values().stream().map(b -> new ServiceView(b.entry(), lastHealth(b.service().name()))).toList();
    }

    public RuntimeStatus status(String name) {
        Bound b = find(name);
        if (b.runtime() != null) return b.runtime().status();
        Health h = lastHealth(name);
        RunState state = switch (h.status()) {
            case ONLINE -> RunState.RUNNING;
            case OFFLINE -> RunState.UNREACHABLE;
            case UNKNOWN -> RunState.UNKNOWN;
        };
        URI url = b.service().url().isEmpty() ? null : URI.create(b.service().url());
        return new RuntimeStatus(state, null, url == null ? null : url.getHost(), port(url), null, null, null, false,
                "external service: " + h.message());
    }

    // ---- acting --------------------------------------------------------------------------------------

    private ServiceRuntime runtime(String name) {
        Bound b = find(name);
        if (b.runtime() == null) {
            throw new ApiException(ErrorCode.CONFLICT, "Service '" + name + "' is external (reachable by URL only): Hearth cannot start or stop it",
                    Map.of("runtime", b.service().runtime().kind()));
        }
        return b.runtime();
    }

    public RuntimeStatus start(String name) {
        return runtime(name).start();
    }

    public RuntimeStatus stop(String name) {
        return runtime(name).stop();
    }

    public RuntimeStatus restart(String name) {
        return runtime(name).restart();
    }

    /** Removes a service's container (its docker runtime only). */
    public void remove(String name) {
        if (!(runtime(name) instanceof DockerServiceRuntime d)) {
            throw new ApiException(ErrorCode.CONFLICT, "Service '" + name + "' is not a container; only containers are removed");
        }
        d.remove();
    }

    public List<ServiceLogLine> logs(String name, int tail, @Nullable Instant since) {
        return runtime(name).logs(tail, since);
    }

    public AutoCloseable follow(String name, int tail, java.util.function.Consumer<ServiceLogLine> consumer) {
        return runtime(name).follow(tail, consumer);
    }

    public ResourceUsage stats(String name) {
        ResourceUsage u = runtime(name).stats();
        usage.put(name, new Usage(u, clock.instant()));
        return u;
    }

    // ---- fan-out -------------------------------------------------------------------------------------

    /**
     * Asks every service at once — its runtime's state and its integration's health — each bounded by
     * its own {@code timeout}: the answer takes as long as the slowest, never the sum, and a service that
     * does not answer in time is {@code unreachable}.
     */
    public List<ServiceHealth> healthAll() {
        List<Bound> all = List.copyOf(bound.values());
        long t0 = System.nanoTime();
        List<CompletableFuture<ServiceHealth>> futures = all.stream()
                .map(b -> CompletableFuture.supplyAsync(() -> checkOne(b), VIRTUAL)).toList();
        List<ServiceHealth> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Bound b = all.get(i);
            long left = b.service().timeout().toNanos() - (System.nanoTime() - t0);
            try {
                out.add(futures.get(i).get(Math.max(0, left), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                futures.get(i).cancel(true);
                out.add(new ServiceHealth(b.service().name(), "unreachable", "unreachable",
                        "no answer within " + Durations.format(b.service().timeout()), clock.instant(), b.service().timeout().toMillis(),
                        null, null, null));
            } catch (ExecutionException | InterruptedException e) {
                out.add(new ServiceHealth(b.service().name(), "unknown", "unknown", String.valueOf(e.getMessage()), clock.instant(), 0,
                        null, null, null));
            }
        }
        return out;
    }

    private ServiceHealth checkOne(Bound b) {
        String name = b.service().name();
        long start = System.nanoTime();
        RuntimeStatus st = b.runtime() == null ? null : b.runtime().status();
        Health h = b.integration().isPresent() ? check(name) : null;
        String status = st != null ? st.state().word()
                : h == null ? "unknown" : h.status() == Health.Status.ONLINE ? "running" : "unreachable";
        String word;
        if (h != null) {
            word = switch (h.status()) {
                case ONLINE -> "healthy";
                case OFFLINE -> "unhealthy";
                case UNKNOWN -> "unknown";
            };
        } else if (st != null && st.health() != null) {
            word = st.health();
        } else if (st != null) {
            word = st.running() ? "healthy" : st.state() == RunState.UNREACHABLE ? "unreachable" : "unhealthy";
        } else {
            word = "unknown";
        }
        String message = h != null ? h.message() : st != null ? st.message() : "no URL and no runtime to check";
        Duration up = st == null ? null : st.uptime(clock.instant());
        Usage u = null;
        if (st != null && st.running()) {
            u = usage.get(name);
            if (u == null || u.at().isBefore(clock.instant().minus(STATS_MAX_AGE))) sampleLater(name, b.runtime());
        }
        return new ServiceHealth(name, status, word, message, clock.instant(), (System.nanoTime() - start) / 1_000_000,
                up == null ? null : up.toSeconds(), u == null ? null : u.usage().cpuPercent(), u == null ? null : u.usage().memoryUsed());
    }

    /** Stats take about a second: sample in the background, one at a time per service, for the next reader. */
    private void sampleLater(String name, ServiceRuntime runtime) {
        if (!sampling.add(name)) return;
        Thread.ofVirtual().name("stats-" + name).start(() -> {
            try {
                usage.put(name, new Usage(runtime.stats(), clock.instant()));
            } catch (RuntimeException e) {
                usage.remove(name);
            } finally {
                sampling.remove(name);
            }
        });
    }

    /** The services' health in four numbers, from a fresh fan-out. */
    public Summary summary() {
        int online = 0, offline = 0, unknown = 0;
        for (ServiceHealth h : healthAll()) {
            switch (h.health()) {
                case "healthy" -> online++;
                case "unknown" -> unknown++;
                default -> offline++;
            }
        }
        return new Summary(online + offline + unknown, online, offline, unknown);
    }

    public <C> List<C> withCapability(Class<C> capability) {
        return bound.values().stream().map(Bound::integration).flatMap(Optional::stream).filter(capability::isInstance).map(capability::cast).toList();
    }

    // ---- discovery -----------------------------------------------------------------------------------

    /**
     * Re-scans every endpoint's containers (and Traefik's routers where configured); found services are
     * added, and discovered services whose containers are gone are dropped, except on endpoints that did
     * not answer (their services stay until the endpoint can be asked again).
     */
    public synchronized DiscoveryReport discover() {
        Map<String, List<ContainerSummary>> containers = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        for (String endpoint : docker.names()) {
            try {
                containers.put(endpoint, docker.require(endpoint).listContainers(true));
            } catch (DockerException e) {
                unreachable.add(endpoint + ": " + e.getMessage());
            }
        }
        List<TraefikRouter> routers = List.of();
        String traefik = config.current().docker().traefikApi();
        if (!traefik.isEmpty()) {
            try {
                routers = new TraefikApi(http, URI.create(traefik), json).routers();
            } catch (RuntimeException e) {
                unreachable.add("traefik " + traefik + ": " + e.getMessage());
            }
        }
        Set<String> configured = config.current().services().stream().map(HearthConfig.ServiceEntry::name).collect(Collectors.toSet());
        Set<String> integrations = registry.all().stream().map(IntegrationDescriptor::id).collect(Collectors.toSet());
        DiscoveryReport scan = LabelDiscovery.scan(containers, routers, configured, integrations);
        Map<String, ObjectNode> edits = settings.all();
        Map<String, Bound> next = new LinkedHashMap<>();
        bound.forEach((name, b) -> {
            boolean keep = b.service().source().equals("config")
                    || b.service().runtime() instanceof RuntimeRef.Docker d && !containers.containsKey(d.endpoint());
            if (keep) next.put(name, b);
        });
        for (DiscoveredService d : scan.found()) {
            HearthConfig.ServiceEntry entry = new HearthConfig.ServiceEntry(d.name(), d.displayName(), d.group(), d.icon(),
                    validUrl(d.url()), d.integration(), null, null, Map.of(),
                    new HearthConfig.Runtime(new HearthConfig.DockerRuntime(d.container(), d.endpoint()), null));
            Bound old = bound.get(d.name());
            HearthConfig.ServiceEntry edited = ServiceEdits.apply(entry, edits.get(d.name()));
            next.put(d.name(), old != null && old.entry().equals(edited) ? old : bind(edited, "discovery", d.source()));
        }
        bound = next;
        next.values().forEach(b -> {
            if (b.service().source().equals("discovery")) schedule(b);
        });
        synchronized (jobs) {
            new ArrayList<>(jobs.keySet()).stream().filter(n -> !next.containsKey(n)).forEach(n -> jobs.remove(n).cancel());
        }
        DiscoveryReport report = new DiscoveryReport(scan.found(), scan.skipped(), unreachable);
        lastDiscovery = report;
        return report;
    }

    private static String validUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null ? url : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    public Optional<DiscoveryReport> lastDiscovery() {
        return Optional.ofNullable(lastDiscovery);
    }

    // ---- settings ------------------------------------------------------------------------------------

    /** What {@code GET /services/{name}/config} shows: the settings in force, credentials left out. */
    public Map<String, Object> settingsOf(String name) {
        return ServiceEdits.view(find(name).service(), find(name).entry());
    }

    /**
     * Changes a service's display settings or URL. A new URL is checked first (Home Assistant's config
     * flow): if the service does not answer there, nothing is saved and the answer says why.
     */
    public synchronized Map<String, Object> configure(String name, JsonNode changes, String by) {
        Bound b = find(name);
        ObjectNode stored = settings.all().getOrDefault(name, json.createObjectNode());
        ObjectNode merged = stored.deepCopy();
        merged.setAll(ServiceEdits.check(changes));
        HearthConfig.ServiceEntry base = b.service().source().equals("config")
                ? config.current().services().stream().filter(s -> s.name().equals(name)).findFirst().orElse(b.entry())
                : b.entry();
        HearthConfig.ServiceEntry edited = ServiceEdits.apply(base, merged);
        if (!edited.url().equals(b.entry().url()) && !edited.url().isEmpty()) {
            Optional<Integration> probe = integration(edited);
            if (probe.isPresent()) {
                Health h = probe.get().checkHealth();
                if (h.status() != Health.Status.ONLINE) {
                    health.put(name, lastHealth(name));
                    throw new ApiException(ErrorCode.INVALID_INPUT, "url: " + edited.url() + " did not answer as expected: " + h.message()
                            + "; nothing was saved", Map.of("field", "url", "health", h.detail().name(), "message", h.message()));
                }
            }
        }
        settings.save(name, merged, by);
        Bound rebound = bind(edited, b.service().source(), b.service().discoveredFrom());
        Map<String, Bound> next = new LinkedHashMap<>(bound);
        next.put(name, rebound);
        bound = next;
        schedule(rebound);
        return ServiceEdits.view(rebound.service(), rebound.entry());
    }

    /** Names for error details. */
    public Set<String> names() {
        return new TreeSet<>(bound.keySet());
    }
}
