package dev.hearth.hub.client;

import org.jspecify.annotations.Nullable;

/**
 * What is known beforehand about a service's auth, from detection, the catalog of known services or the owner:
 * the style, the login endpoint (the seed's {@code auth_endpoint} override), where an API key goes and any prefix
 * its header value carries ({@code "Token "} for Paperless). Anything left null is found at the first call.
 */
public record AuthHints(
        @Nullable AuthStyle style,
        @Nullable String loginEndpoint,
        @Nullable String apiKeyHeader,
        @Nullable String apiKeyQuery,
        @Nullable String apiKeyPrefix) {

    public static AuthHints none() {
        return new AuthHints(null, null, null, null, null);
    }

    public static AuthHints style(AuthStyle style) {
        return new AuthHints(style, null, null, null, null);
    }

    public AuthHints withLoginEndpoint(@Nullable String endpoint) {
        return new AuthHints(style, endpoint, apiKeyHeader, apiKeyQuery, apiKeyPrefix);
    }
}
