package dev.hearth.media.lidarr;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a lidarr service: {@code api_key}, required. */
public record LidarrSettings(@Secret String apiKey) implements Validated {
    public LidarrSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(problems, "api_key", apiKey, "Lidarr shows it in Settings → General → Security");
    }
}
