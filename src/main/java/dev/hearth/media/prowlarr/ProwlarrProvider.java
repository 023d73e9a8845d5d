package dev.hearth.media.prowlarr;

import dev.hearth.media.IndexerSearch;
import dev.hearth.media.clients.Credential;
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

/** Registers the {@code prowlarr} integration. */
@Singleton
public class ProwlarrProvider implements IntegrationProvider {
    public static final String ID = "prowlarr";
    /** A search waits for the slowest indexer Prowlarr asks; its own indexer timeout is 30 s at most. */
    static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(35);
    private final HttpStack http;
    private final Clock clock;
    private final IntegrationDescriptor descriptor;

    public ProwlarrProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.descriptor = new IntegrationDescriptor(ID, "Prowlarr", Set.of(IndexerSearch.class), List.of(
                new IntegrationDescriptor.Field("api_key", true, true, "Prowlarr's API key (Settings → General → Security)")),
                this::create);
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }

    private ProwlarrSearch create(IntegrationTarget target) {
        Credential key = Credential.required(target, "api_key", "Prowlarr shows it in Settings → General → Security");
        AuthStrategy auth = key.present() ? AuthStrategy.apiKeyHeader("X-Api-Key", key.value()) : AuthStrategy.none();
        Duration search = target.timeout().compareTo(SEARCH_TIMEOUT) > 0 ? target.timeout() : SEARCH_TIMEOUT;
        return new ProwlarrSearch(descriptor, target.serviceName(), new ProwlarrApi(http.client(MediaSpecs.of(target, auth)), search),
                key, clock);
    }
}
