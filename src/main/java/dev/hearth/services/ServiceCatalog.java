package dev.hearth.services;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationRegistry;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.scheduler.Scheduler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services of {@code hearth.yml}, each with its integration and one shared health poller
 * (Home Assistant's coordinator): every reader — status, API, alerts — reads the last result.
 */
@Singleton
public class ServiceCatalog {

    public record ServiceView(HearthConfig.ServiceEntry entry, Health health) {}

    public record Summary(int total, int online, int offline, int unknown) {}

    private final ConfigService config;
    private final IntegrationRegistry registry;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Map<String, Optional<Integration>> integrations = new LinkedHashMap<>();
    private final Map<String, Health> health = new ConcurrentHashMap<>();
    private final List<Scheduler.Job> jobs = new ArrayList<>();

    public ServiceCatalog(ConfigService config, IntegrationRegistry registry, Scheduler scheduler, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.scheduler = scheduler;
        this.clock = clock;
        for (HearthConfig.ServiceEntry s : config.current().services()) {
            integrations.put(s.name(), bind(s));
        }
    }

    private Optional<Integration> bind(HearthConfig.ServiceEntry s) {
        Optional<IntegrationDescriptor> d = registry.find(s.integration());
        if (d.isEmpty()) {
            health.put(s.name(), Health.offline(Health.Detail.CONFIGURATION_ERROR, "unknown integration '" + s.integration()
                    + "' (known: " + String.join(", ", registry.all().stream().map(IntegrationDescriptor::id).toList()) + ")", clock.instant(), 0));
            return Optional.empty();
        }
        if (s.url().isEmpty()) {
            health.put(s.name(), Health.offline(Health.Detail.CONFIGURATION_ERROR, "no url configured", clock.instant(), 0));
            return Optional.empty();
        }
        health.put(s.name(), Health.unknown(clock.instant()));
        return Optional.of(d.get().factory().create(new IntegrationTarget(s.name(), URI.create(s.url()), s.credentials(), s.timeout())));
    }

    void start(@Observes StartupEvent ignored) {
        for (HearthConfig.ServiceEntry s : config.current().services()) {
            integrations.get(s.name()).ifPresent(i -> jobs.add(scheduler.every("health-" + s.name(), s.checkInterval(), () -> check(s.name()))));
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        jobs.forEach(Scheduler.Job::cancel);
    }

    /** Checks one service now and keeps the result for every reader. */
    public Health check(String name) {
        Optional<Integration> integration = integrations.getOrDefault(name, Optional.empty());
        if (integration.isEmpty()) return health.getOrDefault(name, Health.unknown(clock.instant()));
        Health h = integration.get().checkHealth();
        health.put(name, h);
        return h;
    }

    public List<ServiceView> all() {
        return config.current().services().stream()
                .map(s -> new ServiceView(s, health.getOrDefault(s.name(), Health.unknown(clock.instant()))))
                .toList();
    }

    public Summary summary() {
        int online = 0, offline = 0, unknown = 0;
        for (ServiceView v : all()) {
            switch (v.health().status()) {
                case ONLINE -> online++;
                case OFFLINE -> offline++;
                case UNKNOWN -> unknown++;
            }
        }
        return new Summary(online + offline + unknown, online, offline, unknown);
    }

    public <C> List<C> withCapability(Class<C> capability) {
        return integrations.values().stream().flatMap(Optional::stream).filter(capability::isInstance).map(capability::cast).toList();
    }
}
