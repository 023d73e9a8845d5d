package dev.hearth.monitoring;

import dev.hearth.platform.live.LiveHub;
import dev.hearth.services.ServiceRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service came or went (a container found on Docker, one removed, a service added from the dashboard): the live
 * {@code service_status} channel hears of it at once, so an open Services page lists it without waiting for its first
 * change of state, which a container created stopped may never have.
 */
@Singleton
class ServiceListWatch implements ServiceRegistry.Listener {
    private final LiveHub live;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    ServiceListWatch(ServiceRegistry registry, LiveHub live) {
        this.live = live;
        registry.all().forEach(b -> known.add(b.name()));
        registry.subscribe(this);
    }

    void start(@Observes StartupEvent ignored) {
        // observed only so the watch exists from the start
    }

    @Override
    public void bound(ServiceRegistry.Bound service) {
        String status = known.add(service.name()) ? "added" : "changed";
        live.publish("service_status", service.name(), Map.of("name", service.name(), "status", status));
    }

    @Override
    public void dropped(String name) {
        known.remove(name);
        live.publish("service_status", name, Map.of("name", name, "status", "removed"));
    }
}
