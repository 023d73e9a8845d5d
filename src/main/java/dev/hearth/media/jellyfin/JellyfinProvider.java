package dev.hearth.media.jellyfin;

import dev.hearth.media.MediaServer;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Registers the {@code jellyfin} integration. */
@Singleton
public class JellyfinProvider implements IntegrationProvider {
    public static final String ID = "jellyfin";
    private final IntegrationDescriptor descriptor;

    public JellyfinProvider(HttpStack http, Clock clock) {
        this.descriptor = new IntegrationDescriptor(ID, "Jellyfin", Set.of(MediaServer.class), List.of(
                new IntegrationDescriptor.Field("api_key", true, true, "an API key from Jellyfin's Dashboard → API Keys")),
                target -> JellyfinServer.connect(descriptor(), http, clock, target, JellyfinAuth.MEDIABROWSER,
                        JellyfinServer.FULL_SCAN_TIMEOUT));
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }
}
