package dev.hearth.media.radarr;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a radarr service: {@code api_key}, required. */
public record RadarrSettings(@Secret String apiKey) implements Validated {
    public RadarrSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(problems, "api_key", apiKey, "Radarr shows it in Settings → General → Security");
    }
}
