package dev.hearth.downloads.deluge;

import dev.hearth.platform.config.Secret;

/** {@code credentials} of a deluge service: deluge-web's {@code password} ({@code deluge} until changed). */
public record DelugeSettings(@Secret String password) {
    public DelugeSettings {
        password = password == null || password.isBlank() ? "deluge" : password;
    }
}
