package dev.hearth.media;

import dev.hearth.fakes.media.FakeMediaService;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.testing.RegisteredProviders;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The media kinds the application registers, and how a test connects one to its double. */
final class MediaKinds {
    static final Set<Class<?>> CAPABILITIES = Set.of(MediaServer.class, MediaManager.class, IndexerSearch.class,
            RequestManager.class, MediaStats.class);

    private MediaKinds() {
    }

    /** Every registered kind offering any media capability. */
    static List<String> all() {
        try (HttpStack http = Targets.stack()) {
            return RegisteredProviders.all(http, Clock.systemUTC()).stream()
                    .filter(p -> p.descriptor().capabilities().stream().anyMatch(CAPABILITIES::contains))
                    .map(p -> p.descriptor().id()).toList();
        }
    }

    static IntegrationDescriptor descriptor(String kind, HttpStack http) {
        return RegisteredProviders.byId(kind, http, Clock.systemUTC()).descriptor();
    }

    static Integration connect(HttpStack http, String kind, String url, Map<String, String> credentials) {
        return connect(http, kind, url, credentials, Targets.TIMEOUT);
    }

    static Integration connect(HttpStack http, String kind, String url, Map<String, String> credentials, Duration timeout) {
        IntegrationProvider p = RegisteredProviders.byId(kind, http, Clock.systemUTC());
        return p.descriptor().factory().create(new dev.hearth.platform.integration.IntegrationTarget(kind + "-under-test",
                URI.create(url), credentials, timeout));
    }

    static Integration connect(HttpStack http, String kind, FakeMediaService fake) {
        return connect(http, kind, fake.baseUrl(), fake.credentials());
    }
}
