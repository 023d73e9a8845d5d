package dev.hearth.notify.ntfy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.notify.ChannelUrls;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.RateRule;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** ntfy.sh lets a visitor burst 60 requests, then refills one every 5 s: 60 per 5 minutes stays within it. */
public final class NtfyKind implements NotifierKind<NtfySettings> {
    @Override
    public String type() {
        return "ntfy";
    }

    @Override
    public String documentation() {
        return "publishes to an ntfy topic (url, topic, token); URL ntfy://<topic>, ntfy[s]://[<token>@]<host>/<topic>";
    }

    @Override
    public Class<NtfySettings> settings() {
        return NtfySettings.class;
    }

    @Override
    public List<RateRule> limits() {
        return List.of(
                new RateRule.Overall(60, Duration.ofMinutes(5)),
                new RateRule.Spacing(Duration.ofMillis(500), RateRule.all()));
    }

    @Override
    public Notifier create(String channel, NtfySettings n, KindContext context) {
        UpstreamSpec spec = UpstreamSpec.of("ntfy:" + channel, URI.create(n.url()))
                .withRetry(RetryPolicy.none())
                .withAuth(n.token().isEmpty() ? AuthStrategy.none() : AuthStrategy.bearer(n.token()));
        return new NtfyNotifier(context.http().client(spec), n.topic());
    }

    @Override
    public Set<String> schemes() {
        return Set.of("ntfy", "ntfys");
    }

    /** Apprise's forms: {@code ntfy://<topic>} (ntfy.sh), {@code ntfy://<host>/<topic>}, {@code ntfys://<token>@<host>/<topic>} (https). */
    @Override
    public ObjectNode fromUrl(URI url) {
        List<String> path = ChannelUrls.segments(url);
        ObjectNode block = ChannelUrls.block();
        String host = ChannelUrls.hostAndPort(url);
        if (path.isEmpty()) {
            block.put("topic", host);
        } else {
            block.put("url", (url.getScheme().equalsIgnoreCase("ntfys") ? "https://" : "http://") + host);
            block.put("topic", path.getLast());
        }
        String token = ChannelUrls.userInfo(url);
        if (token != null) block.put("token", token);
        return block;
    }
}
