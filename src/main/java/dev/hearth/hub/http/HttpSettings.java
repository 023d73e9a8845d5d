package dev.hearth.hub.http;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/**
 * {@code credentials} of an http service, all optional: {@code username} and {@code password} for basic
 * auth, or an {@code api_key} sent in {@code api_key_header} (default {@code X-Api-Key}).
 */
public record HttpSettings(
        String username,
        @Secret String password,
        String apiKeyHeader,
        @Secret String apiKey) implements Validated {
    public HttpSettings {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        apiKeyHeader = apiKeyHeader == null || apiKeyHeader.isBlank() ? "X-Api-Key" : apiKeyHeader;
        apiKey = apiKey == null ? "" : apiKey;
    }

    @Override
    public void validate(Problems problems) {
        problems.check(username.indexOf(':') < 0, "username", "cannot contain ':' (HTTP basic auth cannot send it)");
        problems.check(
                username.isEmpty() || apiKey.isEmpty(),
                "api_key",
                "give either username and password or an api_key, not both");
        problems.check(
                apiKeyHeader.matches("[A-Za-z0-9-]{1,64}"), "api_key_header", "must be a header name like X-Api-Key");
    }
}
