package dev.hearth.media.prowlarr;

import dev.hearth.media.IndexerSearch;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.integration.BaseUrls;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/** The {@code prowlarr} kind (Prowlarr), offering {@link IndexerSearch}. */
public final class ProwlarrKind implements IntegrationKind<ProwlarrSettings> {
    public static final String ID = "prowlarr";
    /** A search waits for the slowest indexer Prowlarr asks; its own indexer timeout is 30 s at most. */
    static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(35);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Prowlarr";
    }

    @Override
    public String documentation() {
        return "Prowlarr, e.g. http://127.0.0.1:9696; credentials api_key (Settings → General → Security)";
    }

    @Override
    public String setup() {
        return """
                In Prowlarr: Settings → General → Security → API Key; give it as `api_key` and the address (port 9696).
                Hearth searches all of Prowlarr's indexers through it; a search waits up to 35 s, the time Prowlarr gives
                its slowest indexer.
                """;
    }

    @Override
    public Class<ProwlarrSettings> settings() {
        return ProwlarrSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(IndexerSearch.class));
    }

    /** The address as users write it, also with the API's own path (/api/v1); a URL base (sub-path) is kept. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "api/v1");
    }

    @Override
    public Integration create(IntegrationTarget<ProwlarrSettings> target, KindContext context) {
        AuthStrategy auth =
                AuthStrategy.apiKeyHeader("X-Api-Key", target.settings().apiKey());
        Duration search = target.timeout().compareTo(SEARCH_TIMEOUT) > 0 ? target.timeout() : SEARCH_TIMEOUT;
        return new ProwlarrSearch(
                target.serviceName(),
                new ProwlarrApi(context.http().client(MediaSpecs.of(target, auth)), search),
                context.clock());
    }
}
