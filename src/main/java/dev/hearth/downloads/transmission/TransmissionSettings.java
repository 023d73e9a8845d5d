package dev.hearth.downloads.transmission;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** {@code credentials} of a transmission service: RPC {@code username} and {@code password}, when rpc-authentication-required is on. */
public record TransmissionSettings(String username, @Secret String password) implements Validated {
    public TransmissionSettings {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    @Override
    public void validate(Problems problems) {
        problems.check(username.indexOf(':') < 0, "username", "cannot contain ':' (HTTP basic auth cannot send it)");
    }
}
