package dev.hearth.media.readarr;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a readarr service: {@code api_key}, required. */
public record ReadarrSettings(@Secret String apiKey) implements Validated {
    public ReadarrSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(problems, "api_key", apiKey, "Readarr shows it in Settings → General → Security");
    }
}
