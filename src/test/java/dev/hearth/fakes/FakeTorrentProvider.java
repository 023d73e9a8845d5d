package dev.hearth.fakes;

import dev.hearth.services.ServiceRegistry;
import jakarta.inject.Singleton;

/**
 * The fake download clients the application made for services of the test-only kinds {@code fake-torrent}
 * and {@code fake-links} ({@link FakeDownloadKinds}), found where the application keeps them: the service registry.
 */
@Singleton
public class FakeTorrentProvider {
    private final ServiceRegistry registry;

    public FakeTorrentProvider(ServiceRegistry registry) {
        this.registry = registry;
    }

    public FakeDownloadClient client(String serviceName) {
        return registry.find(serviceName)
                .map(ServiceRegistry.Bound::integration)
                .filter(FakeDownloadClient.class::isInstance)
                .map(FakeDownloadClient.class::cast)
                .orElseThrow(() -> new IllegalStateException(
                        "no fake client bound to service " + serviceName + " (have " + registry.names() + ")"));
    }
}
