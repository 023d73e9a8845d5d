package dev.hearth.notify.discord;

import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierContext;
import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.RateRule;
import dev.hearth.notify.UrlParts;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/** Discord lets a webhook send 5 requests per 2 s and about 30 a minute per channel; a 429 says how long to wait. */
@Singleton
public class DiscordKind implements NotifierKind {
    @Override
    public String type() {
        return "discord";
    }

    @Override
    public List<RateRule> limits() {
        return List.of(new RateRule.Overall(5, Duration.ofSeconds(2)), new RateRule.Overall(30, Duration.ofMinutes(1)));
    }

    @Override
    public Notifier create(HearthConfig.Channel channel, NotifierContext context) {
        // https://discord.com/api/webhooks/<id>/<token>: the base ends at <id>/, the token is the request path.
        String full = channel.discord().webhookUrl();
        UrlParts url = UrlParts.of(full.contains("?") ? full.substring(0, full.indexOf('?')) : full);
        UpstreamSpec spec = UpstreamSpec.of("discord:" + channel.name(), url.base()).withRetry(RetryPolicy.none());
        return new DiscordNotifier(context.http().client(spec), url.path(), context.json());
    }
}
