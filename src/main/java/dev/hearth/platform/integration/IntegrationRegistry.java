package dev.hearth.platform.integration;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every integration Hearth knows, by id. Adding one is a package and its provider bean; nothing here changes. */
@Singleton
public class IntegrationRegistry {
    private final Map<String, IntegrationDescriptor> byId = new TreeMap<>();

    public IntegrationRegistry(Instance<IntegrationProvider> providers) {
        providers.forEach(p -> {
            IntegrationDescriptor d = p.descriptor();
            if (byId.putIfAbsent(d.id(), d) != null) throw new IllegalStateException("integration registered twice: " + d.id());
        });
    }

    public Optional<IntegrationDescriptor> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<IntegrationDescriptor> all() {
        return byId.values();
    }
}
