package dev.hearth.notify.discord;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** A discord channel's block: the webhook URL, which carries its token in the path, so the whole URL is secret. */
public record DiscordSettings(@Secret String webhookUrl) implements Validated {
    public DiscordSettings {
        webhookUrl = webhookUrl == null ? "" : webhookUrl;
    }

    @Override
    public void validate(Problems p) {
        // The URL is secret: the message never repeats it.
        p.check(Problems.isHttpUrl(webhookUrl), "webhook_url", "must be an http:// or https:// webhook URL");
    }
}
