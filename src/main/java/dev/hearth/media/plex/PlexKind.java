package dev.hearth.media.plex;

import dev.hearth.media.MediaServer;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.util.Set;

/** The {@code plex} kind (Plex Media Server), offering {@link MediaServer}. */
public final class PlexKind implements IntegrationKind<PlexSettings> {
    public static final String ID = "plex";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Plex Media Server";
    }

    @Override
    public String documentation() {
        return "Plex Media Server, e.g. http://127.0.0.1:32400; credentials token (X-Plex-Token of the server owner, sent as a header)";
    }

    @Override
    public String setup() {
        return """
                Hearth needs the server owner's `X-Plex-Token`. Sign in to Plex Web, open any item's "Get Info" → "View
                XML", and copy the value of `X-Plex-Token` from the address bar (Plex's support article "Finding an
                authentication token" shows the same). Give the server's own address (port 32400), not app.plex.tv. The
                token is sent as a header, never in a URL Hearth logs.
                """;
    }

    @Override
    public Class<PlexSettings> settings() {
        return PlexSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(MediaServer.class));
    }

    @Override
    public Integration create(IntegrationTarget<PlexSettings> target, KindContext context) {
        // The header, never the query: a query string ends up in proxies' access logs.
        AuthStrategy auth =
                AuthStrategy.apiKeyHeader("X-Plex-Token", target.settings().token());
        PlexApi api = new PlexApi(context.http()
                .client(MediaSpecs.of(target, auth)
                        .withHeader("X-Plex-Product", "Hearth")
                        .withHeader("X-Plex-Client-Identifier", "hearth")));
        return new PlexServer(target.serviceName(), api, context.clock());
    }
}
