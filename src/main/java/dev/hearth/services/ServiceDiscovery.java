package dev.hearth.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.services.discovery.DiscoveredService;
import dev.hearth.services.discovery.DiscoveryReport;
import dev.hearth.services.discovery.LabelDiscovery;
import dev.hearth.services.discovery.TraefikApi;
import dev.hearth.services.discovery.TraefikRouter;
import dev.hearth.services.docker.ContainerSummary;
import dev.hearth.services.docker.DockerEndpoints;
import dev.hearth.services.docker.DockerException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Finds services by their containers' labels (and Traefik's routers) on every Docker endpoint, at an
 * interval and on demand, and puts them in the {@link ServiceRegistry} beside the configured ones.
 */
@Singleton
public class ServiceDiscovery {
    private static final Logger LOG = Logger.getLogger(ServiceDiscovery.class);

    private final ServiceRegistry registry;
    private final ConfigService config;
    private final DockerEndpoints docker;
    private final ServiceSettings settings;
    private final HttpStack http;
    private final ObjectMapper json;
    private final Scheduler scheduler;
    private Scheduler.@Nullable Job job;
    private volatile @Nullable DiscoveryReport last;

    public ServiceDiscovery(
            ServiceRegistry registry,
            ConfigService config,
            DockerEndpoints docker,
            ServiceSettings settings,
            HttpStack http,
            ObjectMapper json,
            Scheduler scheduler) {
        this.registry = registry;
        this.config = config;
        this.docker = docker;
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent ignored) {
        if (docker.names().isEmpty()) {
            docker.onAttach(this::startJob); // the local engine, should it answer later
            return;
        }
        startJob();
    }

    private synchronized void startJob() {
        if (job != null) return;
        job = scheduler.every(
                "service-discovery",
                config.current().section(DockerConfig.class).discoveryInterval(),
                () -> {
                    try {
                        discover();
                    } catch (RuntimeException e) {
                        LOG.warnf("Discovery failed: %s", e.getMessage());
                    }
                });
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (job != null) job.cancel();
    }

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
        String traefik = config.current().section(DockerConfig.class).traefikApi();
        if (!traefik.isEmpty()) {
            try {
                routers = new TraefikApi(http, URI.create(traefik), json).routers();
            } catch (RuntimeException e) {
                unreachable.add("traefik " + traefik + ": " + e.getMessage());
            }
        }
        Set<String> configured = config.current().section(ServicesConfig.class).services().stream()
                .map(ServiceEntry::name)
                .collect(Collectors.toSet());
        DiscoveryReport scan = LabelDiscovery.scan(
                containers,
                routers,
                configured,
                new HashSet<>(registry.kinds().ids()),
                config.current().section(DockerConfig.class).discoverAll());
        Map<String, ObjectNode> edits = settings.all();
        Map<String, ServiceRegistry.Bound> next = new LinkedHashMap<>();
        for (ServiceRegistry.Bound b : registry.all()) {
            boolean keep = b.service().source().equals("config")
                    || b.service().source().equals("api")
                    || b.service().runtime() instanceof RuntimeRef.Docker d && !containers.containsKey(d.endpoint());
            if (keep) next.put(b.name(), b);
        }
        for (DiscoveredService d : scan.found()) {
            ServiceEntry entry = new ServiceEntry(
                    d.name(),
                    d.displayName(),
                    d.group(),
                    d.icon(),
                    validUrl(d.url()),
                    d.integration(),
                    java.time.Duration.ofSeconds(30),
                    java.time.Duration.ofSeconds(5),
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                    new ServiceEntry.Runtime(new ServiceEntry.DockerRuntime(d.container(), d.endpoint()), null));
            Optional<ServiceRegistry.Bound> old = registry.find(d.name());
            ServiceEntry edited = ServiceEdits.apply(entry, edits.get(d.name()));
            next.put(
                    d.name(),
                    old.isPresent()
                                    && old.get().entry().equals(edited)
                                    && old.get().service().ports().equals(d.ports())
                            ? old.get()
                            : registry.bind(edited, "discovery", d.source(), d.ports()));
        }
        registry.replaceAll(next);
        DiscoveryReport report = new DiscoveryReport(scan.found(), scan.skipped(), unreachable);
        last = report;
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

    /** What was found of the Docker engine next to Hearth, for the dashboard's hint when it cannot be used. */
    public dev.hearth.services.docker.LocalDocker localDocker() {
        return docker.local();
    }

    public Optional<DiscoveryReport> last() {
        return Optional.ofNullable(last);
    }
}
