package dev.hearth.notify.gotify;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** A gotify channel's block: the server and the application's token (sent as {@code X-Gotify-Key}). */
public record GotifySettings(String url, @Secret String token) implements Validated {
    public GotifySettings {
        url = url == null ? "" : url;
        token = token == null ? "" : token;
    }

    @Override
    public void validate(Problems p) {
        p.httpUrl(url, "url");
        p.check(!token.isEmpty(), "token", "must be an application token");
    }
}
