package dev.hearth.notify.webhook;

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

/** A receiver of our own choosing; ten a second is plenty and spares a small one. */
@Singleton
public class WebhookKind implements NotifierKind {
    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public List<RateRule> limits() {
        return List.of(new RateRule.Overall(10, Duration.ofSeconds(1)));
    }

    @Override
    public Notifier create(HearthConfig.Channel channel, NotifierContext context) {
        UrlParts url = UrlParts.of(channel.webhook().url());
        UpstreamSpec spec = UpstreamSpec.of("webhook:" + channel.name(), url.base()).withRetry(RetryPolicy.none());
        return new WebhookNotifier(context.http().client(spec), url.path(), channel.webhook().hmacSecret(), context.json());
    }
}
