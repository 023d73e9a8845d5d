package dev.hearth.downloads.qbittorrent;

import dev.hearth.platform.config.Secret;

/**
 * {@code credentials} of a qbittorrent service: the Web UI's user (default admin) and password; an empty
 * password only where qBittorrent skips authentication for Hearth's address.
 */
public record QbittorrentSettings(String username, @Secret String password) {
    public QbittorrentSettings {
        username = username == null || username.isBlank() ? "admin" : username;
        password = password == null ? "" : password;
    }
}
