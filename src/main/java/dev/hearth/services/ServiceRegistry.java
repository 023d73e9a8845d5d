package dev.hearth.services;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.platform.integration.KindContext;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.docker.DockerEndpoints;
import dev.hearth.services.docker.DockerServiceRuntime;
import dev.hearth.services.docker.PublishedPort;
import dev.hearth.services.process.ProcessRuntimes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Which services exist — from hearth.yml (with their run-time edits), then from discovery — each bound to
 * its runtime (docker, process or none) and its integration (made by its kind). Features reach an
 * integration only through a capability: {@link #offering}.
 */
@Singleton
public class ServiceRegistry {

    /**
     * A service with what Hearth uses to act on it. {@code problem} is set when its integration could not be
     * made (an unknown kind of a discovered service, settings that do not fit): the health says why.
     */
    public record Bound(
            Service service,
            ServiceEntry entry,
            @Nullable ServiceRuntime runtime,
            @Nullable IntegrationKind<?> kind,
            @Nullable Integration integration,
            @Nullable Health problem) {
        public String name() {
            return service.name();
        }
    }

    /** A service whose kind offers {@code api}, with its instance as that interface. */
    public record Offer<C>(String service, IntegrationKind<?> kind, C client) {}

    /** Told when a service is bound anew (configured, edited, discovered) or dropped. */
    public interface Listener {
        void bound(Bound service);

        void dropped(String name);
    }

    private final IntegrationKinds kinds;
    private final KindContext context;
    private final ProcessRuntimes processes;
    private final DockerEndpoints docker;
    private final Clock clock;
    private final List<CredentialOverlay> overlays;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Bound> bound;

    public ServiceRegistry(
            ConfigService config,
            IntegrationKinds kinds,
            KindContext context,
            ProcessRuntimes processes,
            DockerEndpoints docker,
            ServiceSettings settings,
            AddedServices added,
            Clock clock,
            jakarta.enterprise.inject.Instance<CredentialOverlay> overlays) {
        this.kinds = kinds;
        this.overlays = overlays.stream().toList();
        this.context = context;
        this.processes = processes;
        this.docker = docker;
        this.clock = clock;
        Map<String, ObjectNode> edits = settings.all();
        Map<String, Bound> initial = new LinkedHashMap<>();
        for (ServiceEntry s : config.current().section(ServicesConfig.class).services()) {
            initial.put(s.name(), bind(ServiceEdits.apply(s, edits.get(s.name())), "config", ""));
        }
        for (ServiceEntry s : added.all()) {
            // hearth.yml wins: a name it took since is its own
            initial.putIfAbsent(s.name(), bind(ServiceEdits.apply(s, edits.get(s.name())), "api", ""));
        }
        bound = initial;
    }

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    // ---- binding -------------------------------------------------------------------------------------

    Bound bind(ServiceEntry s, String source, String discoveredFrom) {
        return bind(s, source, discoveredFrom, List.of());
    }

    Bound bind(ServiceEntry s, String source, String discoveredFrom, List<PublishedPort> ports) {
        RuntimeRef ref;
        ServiceRuntime runtime = null;
        URI url = s.url().isEmpty() ? null : URI.create(s.url());
        if (s.runtime().docker() != null) {
            var d = s.runtime().docker();
            ref = new RuntimeRef.Docker(d.endpoint(), d.container());
            runtime = new DockerServiceRuntime(
                    s.name(),
                    d.endpoint(),
                    d.container(),
                    docker,
                    url == null ? null : url.getHost(),
                    port(url),
                    DockerServiceRuntime.STOP_TIMEOUT);
        } else if (s.runtime().process() != null) {
            ref = new RuntimeRef.Process();
            runtime = processes.find(s.name()).orElse(null);
        } else {
            ref = new RuntimeRef.External();
        }
        Service service = new Service(
                s.name(),
                s.displayName(),
                s.group(),
                s.icon(),
                s.url(),
                s.integration(),
                ref,
                source,
                discoveredFrom,
                s.checkInterval(),
                s.timeout(),
                ports);
        IntegrationKind<?> kind = kinds.find(s.integration()).orElse(null);
        if (kind == null) {
            return new Bound(
                    service,
                    s,
                    runtime,
                    null,
                    null,
                    HealthProbe.misconfigured(
                            clock,
                            "unknown integration '" + s.integration() + "' (known: " + String.join(", ", kinds.ids())
                                    + ")"));
        }
        if (url == null) return new Bound(service, s, runtime, kind, null, null);
        try {
            return new Bound(
                    service,
                    s,
                    runtime,
                    kind,
                    kinds.create(kind.id(), s.name(), url, credentials(s), s.timeout(), context),
                    null);
        } catch (ConfigException e) {
            return new Bound(
                    service, s, runtime, kind, null, HealthProbe.misconfigured(clock, String.join("; ", e.problems())));
        }
    }

    private com.fasterxml.jackson.databind.JsonNode credentials(ServiceEntry s) {
        com.fasterxml.jackson.databind.JsonNode c = s.credentials();
        for (CredentialOverlay o : overlays) c = o.over(s.name(), c);
        return c;
    }

    /** Binds a service again as it stands (its credentials changed outside hearth.yml); its poller starts over. */
    public void rebind(String name) {
        Bound b = require(name);
        put(bind(b.entry(), b.service().source(), b.service().discoveredFrom()));
    }

    static @Nullable Integer port(@Nullable URI url) {
        if (url == null) return null;
        if (url.getPort() > 0) return url.getPort();
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    /** Puts one service (new or re-bound) in place and tells the listeners. */
    synchronized void put(Bound b) {
        Map<String, Bound> next = new LinkedHashMap<>(bound);
        next.put(b.name(), b);
        bound = next;
        listeners.forEach(l -> l.bound(b));
    }

    /** Takes one service away and tells the listeners. */
    synchronized void drop(String name) {
        Map<String, Bound> next = new LinkedHashMap<>(bound);
        if (next.remove(name) == null) return;
        bound = next;
        listeners.forEach(l -> l.dropped(name));
    }

    /** Replaces every service at once (a discovery); services no longer there are dropped, changed ones re-bound. */
    synchronized void replaceAll(Map<String, Bound> next) {
        Map<String, Bound> before = bound;
        bound = new LinkedHashMap<>(next);
        before.keySet().stream().filter(n -> !next.containsKey(n)).forEach(n -> listeners.forEach(l -> l.dropped(n)));
        next.values().stream().filter(b -> before.get(b.name()) != b).forEach(b -> listeners.forEach(l -> l.bound(b)));
    }

    // ---- reading -------------------------------------------------------------------------------------

    public List<Bound> all() {
        return List.copyOf(bound.values());
    }

    public List<Service> services() {
        return bound.values().stream().map(Bound::service).toList();
    }

    public Optional<Bound> find(String name) {
        return Optional.ofNullable(bound.get(name));
    }

    /** The service named, or 404 naming the services that exist. */
    public Bound require(String name) {
        Bound b = bound.get(name);
        if (b == null) throw ApiException.notFound("Service", name, bound.keySet());
        return b;
    }

    public Service service(String name) {
        return require(name).service();
    }

    /** The service named, or the one whose container has that name (clients of the seed's automation server say "container"). */
    public Service serviceOrContainer(String name) {
        Bound b = bound.get(name);
        if (b != null) return b.service();
        return bound.values().stream()
                .filter(x -> x.service().runtime() instanceof RuntimeRef.Docker d
                        && d.container().equals(name))
                .map(Bound::service)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Service", name, bound.keySet()));
    }

    /** Names for error details. */
    public Set<String> names() {
        return new TreeSet<>(bound.keySet());
    }

    /** Every service whose kind offers {@code api}, in order, with its instance as that interface. */
    public <C> List<Offer<C>> offering(Class<C> api) {
        List<Offer<C>> out = new ArrayList<>();
        for (Bound b : bound.values()) {
            if (b.kind() != null && b.kind().offers(api) && api.isInstance(b.integration())) {
                out.add(new Offer<>(b.name(), b.kind(), api.cast(b.integration())));
            }
        }
        return out;
    }

    public IntegrationKinds kinds() {
        return kinds;
    }
}
