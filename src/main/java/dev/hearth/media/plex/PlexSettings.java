package dev.hearth.media.plex;

import dev.hearth.media.clients.RequiredKey;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a plex service: {@code token}, required. */
public record PlexSettings(@Secret String token) implements Validated {
    public PlexSettings {
        token = token == null ? "" : token.strip();
    }

    @Override
    public void validate(Problems problems) {
        RequiredKey.check(
                problems,
                "token",
                token,
                "Plex Web: an item's … → Get Info → View XML shows X-Plex-Token in the address");
    }
}
