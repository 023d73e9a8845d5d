package dev.hearth.media.torznab;

import dev.hearth.platform.config.Secret;

/** {@code credentials} of a torznab service: {@code api_key}, the endpoint's API key, only if it needs one. */
public record TorznabSettings(@Secret String apiKey) {
    public TorznabSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }
}
