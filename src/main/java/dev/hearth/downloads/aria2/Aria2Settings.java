package dev.hearth.downloads.aria2;

import dev.hearth.platform.config.Secret;

/** {@code credentials} of an aria2 service: {@code token}, aria2's {@code --rpc-secret} (empty: none). */
public record Aria2Settings(@Secret String token) {
    public Aria2Settings {
        token = token == null ? "" : token;
    }
}
