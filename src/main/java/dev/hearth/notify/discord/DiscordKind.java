package dev.hearth.notify.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.notify.ChannelUrls;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.RateRule;
import dev.hearth.notify.UrlParts;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Discord lets a webhook send 5 requests per 2 s and about 30 a minute per channel; a 429 says how long to wait. */
public final class DiscordKind implements NotifierKind<DiscordSettings> {
    @Override
    public String type() {
        return "discord";
    }

    @Override
    public String documentation() {
        return "a Discord channel's webhook (webhook_url); URL discord://<webhook id>/<webhook token>";
    }

    @Override
    public Class<DiscordSettings> settings() {
        return DiscordSettings.class;
    }

    @Override
    public List<RateRule> limits() {
        return List.of(new RateRule.Overall(5, Duration.ofSeconds(2)), new RateRule.Overall(30, Duration.ofMinutes(1)));
    }

    @Override
    public Notifier create(String channel, DiscordSettings settings, KindContext context) {
        // https://discord.com/api/webhooks/<id>/<token>: the base ends at <id>/, the token is the request path.
        String full = settings.webhookUrl();
        UrlParts url = UrlParts.of(full.contains("?") ? full.substring(0, full.indexOf('?')) : full);
        UpstreamSpec spec = UpstreamSpec.of("discord:" + channel, url.base()).withRetry(RetryPolicy.none());
        return new DiscordNotifier(context.http().client(spec), url.path(), context.json());
    }

    @Override
    public Set<String> schemes() {
        return Set.of("discord");
    }

    /** Apprise's form: {@code discord://<webhook id>/<webhook token>}, Discord's own webhook URL in short. */
    @Override
    public ObjectNode fromUrl(URI url) {
        List<String> path = ChannelUrls.segments(url);
        if (path.isEmpty())
            throw new IllegalArgumentException("a discord:// URL is discord://<webhook id>/<webhook token>");
        return ChannelUrls.block()
                .put(
                        "webhook_url",
                        "https://discord.com/api/webhooks/" + ChannelUrls.hostAndPort(url) + "/" + path.getFirst());
    }
}
