package dev.hearth.media.plex;

import dev.hearth.media.MediaServer;
import dev.hearth.media.clients.Credential;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.platform.integration.IntegrationTarget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Registers the {@code plex} integration. */
@Singleton
public class PlexProvider implements IntegrationProvider {
    public static final String ID = "plex";
    private final HttpStack http;
    private final Clock clock;
    private final IntegrationDescriptor descriptor;

    public PlexProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.descriptor = new IntegrationDescriptor(ID, "Plex Media Server", Set.of(MediaServer.class), List.of(
                new IntegrationDescriptor.Field("token", true, true,
                        "X-Plex-Token of the server owner (Plex Web: an item's … → Get Info → View XML shows it in the address)")),
                this::create);
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }

    private PlexServer create(IntegrationTarget target) {
        Credential token = Credential.required(target, "token", "Plex Web: Get Info → View XML shows X-Plex-Token in the address");
        // The header, never the query: a query string ends up in proxies' access logs.
        AuthStrategy auth = token.present() ? AuthStrategy.apiKeyHeader("X-Plex-Token", token.value()) : AuthStrategy.none();
        PlexApi api = new PlexApi(http.client(MediaSpecs.of(target, auth)
                .withHeader("X-Plex-Product", "Hearth").withHeader("X-Plex-Client-Identifier", "hearth")));
        return new PlexServer(descriptor, target.serviceName(), api, token, clock);
    }
}
