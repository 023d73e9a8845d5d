package dev.hearth.media.torznab;

import dev.hearth.media.IndexerSearch;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.platform.integration.IntegrationTarget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Registers the {@code torznab} integration. */
@Singleton
public class TorznabProvider implements IntegrationProvider {
    public static final String ID = "torznab";
    /** Jackett's "all" endpoint asks every tracker before it answers. */
    static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(35);
    private final HttpStack http;
    private final Clock clock;
    private final IntegrationDescriptor descriptor;

    public TorznabProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.descriptor = new IntegrationDescriptor(ID, "Torznab endpoint (Jackett, Prowlarr indexer)", Set.of(IndexerSearch.class),
                List.of(new IntegrationDescriptor.Field("api_key", false, true,
                        "the endpoint's API key (Jackett: top of its dashboard; Prowlarr: Settings → General), if it needs one")),
                this::create);
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }

    private TorznabSearch create(IntegrationTarget target) {
        String key = target.credentials().getOrDefault("api_key", "").strip();
        Duration search = target.timeout().compareTo(SEARCH_TIMEOUT) > 0 ? target.timeout() : SEARCH_TIMEOUT;
        // The key goes in the query (the Torznab way), so the stack's auth adds nothing; it redacts queries from messages.
        return new TorznabSearch(descriptor, target.serviceName(),
                new TorznabApi(http.client(MediaSpecs.of(target, AuthStrategy.none())), key, search), clock);
    }
}
