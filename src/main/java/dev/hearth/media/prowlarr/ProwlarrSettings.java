package dev.hearth.media.prowlarr;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a prowlarr service: {@code api_key}, required. */
public record ProwlarrSettings(@Secret String apiKey) implements Validated {
    public ProwlarrSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(problems, "api_key", apiKey, "Prowlarr shows it in Settings → General → Security");
    }
}
