package dev.hearth.media.torznab;

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

/** The {@code torznab} kind (Torznab endpoint (Jackett, Prowlarr indexer)), offering {@link IndexerSearch}. */
public final class TorznabKind implements IntegrationKind<TorznabSettings> {
    public static final String ID = "torznab";
    /** Jackett's "all" endpoint asks every tracker before it answers. */
    static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(35);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Torznab endpoint (Jackett, Prowlarr indexer)";
    }

    @Override
    public String documentation() {
        return "a Torznab endpoint: Jackett's …/api/v2.0/indexers/all/results/torznab/ or a Prowlarr indexer's http://host:9696/1/; credentials api_key, if it needs one";
    }

    @Override
    public String setup() {
        return """
                Give the Torznab root, without the trailing `/api`: in Jackett, "Copy Torznab Feed" on the "All" row
                gives `…/api/v2.0/indexers/all/results/torznab/`, and the API key is at the top right of Jackett's page; in
                Prowlarr, each indexer's Torznab URL is `http://host:9696/<id>/` with Prowlarr's API key. `api_key` is
                optional for an endpoint that needs none.
                """;
    }

    @Override
    public Class<TorznabSettings> settings() {
        return TorznabSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(IndexerSearch.class));
    }

    /** The address as users write it, also with the API's own path (/api); a URL base (sub-path) is kept. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "api");
    }

    @Override
    public Integration create(IntegrationTarget<TorznabSettings> target, KindContext context) {
        Duration search = target.timeout().compareTo(SEARCH_TIMEOUT) > 0 ? target.timeout() : SEARCH_TIMEOUT;
        // The key goes in the query (the Torznab way), so the stack's auth adds nothing; it redacts queries from
        // messages.
        return new TorznabSearch(
                target.serviceName(),
                new TorznabApi(
                        context.http().client(MediaSpecs.of(target, AuthStrategy.none())),
                        target.settings().apiKey(),
                        search),
                context.clock());
    }
}
