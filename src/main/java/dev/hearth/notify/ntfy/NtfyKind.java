package dev.hearth.notify.ntfy;

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

/** ntfy.sh lets a visitor burst 60 requests, then refills one every 5 s: 60 per 5 minutes stays within it. */
@Singleton
public class NtfyKind implements NotifierKind {
    @Override
    public String type() {
        return "ntfy";
    }

    @Override
    public List<RateRule> limits() {
        return List.of(new RateRule.Overall(60, Duration.ofMinutes(5)), new RateRule.Spacing(Duration.ofMillis(500), RateRule.all()));
    }

    @Override
    public Notifier create(HearthConfig.Channel channel, NotifierContext context) {
        HearthConfig.NtfyChannel n = channel.ntfy();
        UpstreamSpec spec = UpstreamSpec.of("ntfy:" + channel.name(), URI.create(n.url())).withRetry(RetryPolicy.none())
                .withAuth(n.token().isEmpty() ? AuthStrategy.none() : AuthStrategy.bearer(n.token()));
        return new NtfyNotifier(context.http().client(spec), n.topic());
    }
}
