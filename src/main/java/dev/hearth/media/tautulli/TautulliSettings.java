package dev.hearth.media.tautulli;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a tautulli service: {@code api_key}, required. */
public record TautulliSettings(@Secret String apiKey) implements Validated {
    public TautulliSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(problems, "api_key", apiKey, "Tautulli shows it in Settings → Web Interface → API");
    }
}
