package dev.hearth.notify.matrix;

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

/**
 * Synapse's default message limit is a burst of 10, then one every 5 s per account (rc_message); 12 a
 * minute keeps within it, and a 429's {@code retry_after_ms} is obeyed when a homeserver is stricter.
 */
public final class MatrixKind implements NotifierKind<MatrixSettings> {
    @Override
    public String type() {
        return "matrix";
    }

    @Override
    public String documentation() {
        return "a text event in a Matrix room (homeserver, access_token, room_id); URL matrixs://<access token>@<homeserver host>[:port]/<room id>";
    }

    @Override
    public Class<MatrixSettings> settings() {
        return MatrixSettings.class;
    }

    @Override
    public List<RateRule> limits() {
        return List.of(
                new RateRule.Spacing(Duration.ofSeconds(1), RateRule.all()),
                new RateRule.Overall(12, Duration.ofMinutes(1)));
    }

    @Override
    public Notifier create(String channel, MatrixSettings settings, KindContext context) {
        // The transaction id makes a repeat harmless, but the outbox does the retrying, with its own backoff.
        UpstreamSpec spec = UpstreamSpec.of("matrix:" + channel, URI.create(settings.homeserver()))
                .withRetry(RetryPolicy.none())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15))
                .withAuth(AuthStrategy.bearer(settings.accessToken()));
        return new MatrixNotifier(context.http().client(spec), settings.roomId(), context.json());
    }

    @Override
    public Set<String> schemes() {
        return Set.of("matrix", "matrixs");
    }

    /** Apprise's token form: {@code matrixs://<access token>@<host>[:port]/<room id>}; {@code matrix} for plain http. */
    @Override
    public ObjectNode fromUrl(URI url) {
        String token = ChannelUrls.userInfo(url);
        List<String> path = ChannelUrls.segments(url);
        if (token == null || path.isEmpty()) {
            throw new IllegalArgumentException(
                    "a matrix URL is matrixs://<access token>@<homeserver host>/<room id, !…:server>");
        }
        return ChannelUrls.block()
                .put(
                        "homeserver",
                        (url.getScheme().equalsIgnoreCase("matrixs") ? "https://" : "http://")
                                + ChannelUrls.hostAndPort(url))
                .put("access_token", token)
                .put("room_id", path.getFirst());
    }
}
