package dev.hearth.notify.gotify;

import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierContext;
import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.RateRule;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Gotify publishes no limit; ten a second keeps a small self-hosted server responsive. */
@Singleton
public class GotifyKind implements NotifierKind {
    @Override
    public String type() {
        return "gotify";
    }

    @Override
    public List<RateRule> limits() {
        return List.of(new RateRule.Overall(10, Duration.ofSeconds(1)));
    }

    @Override
    public Notifier create(HearthConfig.Channel channel, NotifierContext context) {
        HearthConfig.GotifyChannel g = channel.gotify();
        UpstreamSpec spec = UpstreamSpec.of("gotify:" + channel.name(), URI.create(g.url())).withRetry(RetryPolicy.none())
                .withAuth(AuthStrategy.apiKeyHeader("X-Gotify-Key", g.token()));
        return new GotifyNotifier(context.http().client(spec), context.json());
    }
}
