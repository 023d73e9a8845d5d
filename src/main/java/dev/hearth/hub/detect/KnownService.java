package dev.hearth.hub.detect;

import dev.hearth.hub.client.AuthHints;
import dev.hearth.hub.client.AuthStyle;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Hearth knows about a common home-server service without asking it: the names it runs under, where its API
 * lives, how it authenticates, where it tells its version (null: nowhere without credentials), and the Hearth
 * integration that speaks it, if any.
 */
public record KnownService(
        String type,
        List<String> aliases,
        String apiBase,
        AuthStyle authStyle,
        @Nullable String loginEndpoint,
        @Nullable String apiKeyHeader,
        @Nullable String apiKeyQuery,
        @Nullable String apiKeyPrefix,
        @Nullable String versionPath,
        @Nullable IntegrationOffer offer) {

    public KnownService {
        aliases = List.copyOf(aliases);
    }

    /** What the generic client is told about this service's auth. */
    public AuthHints hints() {
        return new AuthHints(authStyle, loginEndpoint, apiKeyHeader, apiKeyQuery, apiKeyPrefix);
    }
}
