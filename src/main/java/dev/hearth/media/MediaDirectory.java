package dev.hearth.media;

import dev.hearth.services.ServiceRegistry;
import jakarta.inject.Singleton;
import java.util.List;

/** {@link MediaServices} from the service registry: what hearth.yml binds, as it stands. */
@Singleton
public class MediaDirectory implements MediaServices {
    private final ServiceRegistry registry;

    public MediaDirectory(ServiceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <C> List<C> offering(Class<C> capability) {
        return registry.offering(capability).stream()
                .map(ServiceRegistry.Offer::client)
                .toList();
    }
}
