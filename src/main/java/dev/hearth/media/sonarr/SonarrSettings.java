package dev.hearth.media.sonarr;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a sonarr service: {@code api_key}, required. */
public record SonarrSettings(@Secret String apiKey) implements Validated {
    public SonarrSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(problems, "api_key", apiKey, "Sonarr shows it in Settings → General → Security");
    }
}
