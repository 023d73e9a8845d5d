package dev.hearth.notify.gotify;

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

/** Gotify publishes no limit; ten a second keeps a small self-hosted server responsive. */
public final class GotifyKind implements NotifierKind<GotifySettings> {
    @Override
    public String type() {
        return "gotify";
    }

    @Override
    public String documentation() {
        return "a Gotify server's application messages (url, token); URL gotify[s]://<host>[:port][/<path>]/<token>";
    }

    @Override
    public Class<GotifySettings> settings() {
        return GotifySettings.class;
    }

    @Override
    public List<RateRule> limits() {
        return List.of(new RateRule.Overall(10, Duration.ofSeconds(1)));
    }

    @Override
    public Notifier create(String channel, GotifySettings g, KindContext context) {
        UpstreamSpec spec = UpstreamSpec.of("gotify:" + channel, URI.create(g.url()))
                .withRetry(RetryPolicy.none())
                .withAuth(AuthStrategy.apiKeyHeader("X-Gotify-Key", g.token()));
        return new GotifyNotifier(context.http().client(spec), context.json());
    }

    @Override
    public Set<String> schemes() {
        return Set.of("gotify", "gotifys");
    }

    /** Apprise's form: {@code gotify://<host>[:port][/<sub path>]/<token>}; {@code gotifys} for https. */
    @Override
    public ObjectNode fromUrl(URI url) {
        List<String> path = ChannelUrls.segments(url);
        if (path.isEmpty())
            throw new IllegalArgumentException(
                    "a gotify:// URL ends with the application token: gotify://<host>/<token>");
        String sub = String.join("/", path.subList(0, path.size() - 1));
        String server = (url.getScheme().equalsIgnoreCase("gotifys") ? "https://" : "http://")
                + ChannelUrls.hostAndPort(url)
                + (sub.isEmpty() ? "" : "/" + sub);
        return ChannelUrls.block().put("url", server).put("token", path.getLast());
    }
}
