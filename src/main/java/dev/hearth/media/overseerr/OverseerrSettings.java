package dev.hearth.media.overseerr;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a overseerr service: {@code api_key}, required. */
public record OverseerrSettings(@Secret String apiKey) implements Validated {
    public OverseerrSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(problems, "api_key", apiKey, "Overseerr shows it in Settings → General");
    }
}
