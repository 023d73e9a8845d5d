package dev.hearth.notify.pushover;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/**
 * A pushover channel's block: the application's API token, the user (or group) key to send to, one device
 * of that user (empty: all of them), and the API's base (Pushover's own, or a test double).
 */
public record PushoverSettings(@Secret String token, @Secret String userKey, String device, String apiBaseUrl)
        implements Validated {
    public PushoverSettings {
        token = token == null ? "" : token;
        userKey = userKey == null ? "" : userKey;
        device = device == null ? "" : device;
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.pushover.net/1/" : apiBaseUrl;
    }

    @Override
    public void validate(Problems p) {
        // Pushover's tokens and keys are 30 letters and digits; the message never repeats them.
        p.check(
                token.matches("[A-Za-z0-9]{30}"),
                "token",
                "must be the application's API token (30 letters and digits, from pushover.net/apps)");
        p.check(
                userKey.matches("[A-Za-z0-9]{30}"),
                "user_key",
                "must be a user or group key (30 letters and digits, from your Pushover dashboard)");
        p.check(
                device.matches("[A-Za-z0-9_-]{0,25}"),
                "device",
                "must be a device name (letters, digits, _ or -, at most 25)");
        p.httpUrl(apiBaseUrl, "api_base_url");
    }
}
