package dev.hearth.media.emby;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a emby service: {@code api_key}, required. */
public record EmbySettings(@Secret String apiKey) implements Validated {
    public EmbySettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(problems, "api_key", apiKey, "Emby makes one in Settings → API Keys");
    }
}
