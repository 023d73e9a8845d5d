package dev.hearth.notify.webhook;

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

/** A receiver of our own choosing; ten a second is plenty and spares a small one. */
public final class WebhookKind implements NotifierKind<WebhookSettings> {
    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public String documentation() {
        return "a JSON POST to a URL of your choosing, signed when hmac_secret is set (url, hmac_secret); URL json[s]://<host>[:port]/<path>";
    }

    @Override
    public Class<WebhookSettings> settings() {
        return WebhookSettings.class;
    }

    @Override
    public List<RateRule> limits() {
        return List.of(new RateRule.Overall(10, Duration.ofSeconds(1)));
    }

    @Override
    public Notifier create(String channel, WebhookSettings settings, KindContext context) {
        UrlParts url = UrlParts.of(settings.url());
        UpstreamSpec spec = UpstreamSpec.of("webhook:" + channel, url.base()).withRetry(RetryPolicy.none());
        return new WebhookNotifier(context.http().client(spec), url.path(), settings.hmacSecret(), context.json());
    }

    @Override
    public Set<String> schemes() {
        return Set.of("json", "jsons");
    }

    /** Apprise's form: {@code json://<host>[:port]/<path>} POSTs JSON there; {@code jsons} for https. */
    @Override
    public ObjectNode fromUrl(URI url) {
        String rest = url.getRawPath() == null ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return ChannelUrls.block()
                .put(
                        "url",
                        (url.getScheme().equalsIgnoreCase("jsons") ? "https://" : "http://")
                                + ChannelUrls.hostAndPort(url)
                                + (rest.isEmpty() ? "/" : rest)
                                + query);
    }
}
