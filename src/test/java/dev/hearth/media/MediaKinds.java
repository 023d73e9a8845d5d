package dev.hearth.media;

import dev.hearth.fakes.media.FakeMediaService;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.testing.RegisteredKinds;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The media kinds the application registers, and how a test connects one to its double: through the registry, as Hearth does. */
final class MediaKinds {
    static final Set<Class<?>> CAPABILITIES =
            Set.of(MediaServer.class, MediaManager.class, IndexerSearch.class, RequestManager.class, MediaStats.class);

    private MediaKinds() {}

    /** Every registered kind offering any media capability, sorted by id. */
    static List<String> all() {
        return RegisteredKinds.all().stream()
                .filter(k -> CAPABILITIES.stream().anyMatch(k::offers))
                .map(IntegrationKind::id)
                .sorted()
                .toList();
    }

    static IntegrationKind<?> kind(String id) {
        return RegisteredKinds.byId(id);
    }

    static Integration connect(HttpStack http, String kind, String url, Map<String, String> credentials) {
        return connect(http, kind, url, credentials, Targets.TIMEOUT);
    }

    static Integration connect(
            HttpStack http, String kind, String url, Map<String, String> credentials, Duration timeout) {
        return Targets.create(http, kind, kind + "-under-test", URI.create(url), credentials, timeout);
    }

    static Integration connect(HttpStack http, String kind, FakeMediaService fake) {
        return connect(http, kind, fake.baseUrl(), fake.credentials());
    }
}
