package dev.hearth.media.mediabrowser;

import dev.hearth.platform.http.AuthStrategy;

/**
 * How the API key is sent. Jellyfin reads {@code Authorization: MediaBrowser Token="…"} from 10.8 on and
 * ignores the legacy headers from 12.0 on; Emby reads {@code X-Emby-Token}.
 */
public enum JellyfinAuth {
    MEDIABROWSER,
    EMBY_TOKEN;

    AuthStrategy with(String key) {
        return switch (this) {
            case MEDIABROWSER -> AuthStrategy.apiKeyHeader("Authorization", "MediaBrowser Token=\"" + key + "\"");
            case EMBY_TOKEN -> AuthStrategy.apiKeyHeader("X-Emby-Token", key);
        };
    }
}
