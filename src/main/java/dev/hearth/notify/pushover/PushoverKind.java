package dev.hearth.notify.pushover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.notify.ChannelUrls;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.RateRule;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Pushover asks senders to keep to a few requests at a time and counts 10,000 messages a month per
 * application (free plan); one every half second and 60 a minute is far within both for a home server.
 */
public final class PushoverKind implements NotifierKind<PushoverSettings> {
    @Override
    public String type() {
        return "pushover";
    }

    @Override
    public String documentation() {
        return "Pushover's Message API to a user's devices (token, user_key, device); URL pover://<user key>@<token>[/<device>]";
    }

    @Override
    public Class<PushoverSettings> settings() {
        return PushoverSettings.class;
    }

    @Override
    public List<RateRule> limits() {
        return List.of(
                new RateRule.Spacing(Duration.ofMillis(500), RateRule.all()),
                new RateRule.Overall(60, Duration.ofMinutes(1)));
    }

    @Override
    public Notifier create(String channel, PushoverSettings settings, KindContext context) {
        String base = settings.apiBaseUrl().endsWith("/") ? settings.apiBaseUrl() : settings.apiBaseUrl() + "/";
        // No retry inside the stack: a message is not idempotent; the outbox retries with its own backoff.
        UpstreamSpec spec = UpstreamSpec.of("pushover:" + channel, URI.create(base))
                .withRetry(RetryPolicy.none())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));
        return new PushoverNotifier(context.http().client(spec), settings);
    }

    @Override
    public Set<String> schemes() {
        return Set.of("pover");
    }

    /** Apprise's form: {@code pover://<user key>@<token>[/<device>]}. */
    @Override
    public ObjectNode fromUrl(URI url) {
        String user = ChannelUrls.userInfo(url);
        if (user == null)
            throw new IllegalArgumentException("a pover:// URL is pover://<user key>@<application token>[/<device>]");
        ObjectNode block = ChannelUrls.block().put("user_key", user).put("token", ChannelUrls.hostAndPort(url));
        List<String> path = ChannelUrls.segments(url);
        if (!path.isEmpty()) block.put("device", path.getFirst());
        return block;
    }
}
