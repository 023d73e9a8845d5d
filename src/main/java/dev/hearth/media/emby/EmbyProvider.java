package dev.hearth.media.emby;

import dev.hearth.media.MediaServer;
import dev.hearth.media.jellyfin.JellyfinAuth;
import dev.hearth.media.jellyfin.JellyfinServer;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Registers the {@code emby} integration. */
@Singleton
public class EmbyProvider implements IntegrationProvider {
    public static final String ID = "emby";
    private final IntegrationDescriptor descriptor;

    public EmbyProvider(HttpStack http, Clock clock) {
        this.descriptor = new IntegrationDescriptor(ID, "Emby", Set.of(MediaServer.class), List.of(
                new IntegrationDescriptor.Field("api_key", true, true, "an API key from Emby's Settings → API Keys")),
                target -> JellyfinServer.connect(descriptor(), http, clock, target, JellyfinAuth.EMBY_TOKEN,
                        JellyfinServer.FULL_SCAN_TIMEOUT));
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }
}
