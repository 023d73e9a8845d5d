package dev.hearth.notify.webhook;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** A webhook channel's block: where the JSON goes, and the secret its HMAC signature is made with (empty: unsigned). */
public record WebhookSettings(String url, @Secret String hmacSecret) implements Validated {
    public WebhookSettings {
        url = url == null ? "" : url;
        hmacSecret = hmacSecret == null ? "" : hmacSecret;
    }

    @Override
    public void validate(Problems p) {
        p.httpUrl(url, "url");
    }
}
