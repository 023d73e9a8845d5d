package dev.hearth.notify.ntfy;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** An ntfy channel's block: the server, the topic, and an access token for a protected topic. */
public record NtfySettings(String url, String topic, @Secret String token) implements Validated {
    public NtfySettings {
        url = url == null || url.isBlank() ? "https://ntfy.sh" : url;
        topic = topic == null ? "" : topic;
        token = token == null ? "" : token;
    }

    @Override
    public void validate(Problems p) {
        p.httpUrl(url, "url");
        p.check(topic.matches("[-_A-Za-z0-9]{1,64}"), "topic", "must be 1 to 64 letters, digits, - or _");
    }
}
