package dev.hearth.media.jellyfin;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a jellyfin service: {@code api_key}, required. */
public record JellyfinSettings(@Secret String apiKey) implements Validated {
    public JellyfinSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(problems, "api_key", apiKey, "Jellyfin makes one in Dashboard → API Keys");
    }
}
