package dev.hearth.media.emby;

import dev.hearth.media.MediaServer;
import dev.hearth.media.mediabrowser.JellyfinAuth;
import dev.hearth.media.mediabrowser.JellyfinServer;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.util.Set;

/** The {@code emby} kind (Emby), offering {@link MediaServer}. */
public final class EmbyKind implements IntegrationKind<EmbySettings> {
    public static final String ID = "emby";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Emby";
    }

    @Override
    public String documentation() {
        return "Emby Server, e.g. http://127.0.0.1:8096; credentials api_key (Settings → API Keys)";
    }

    @Override
    public Class<EmbySettings> settings() {
        return EmbySettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(MediaServer.class));
    }

    @Override
    public Integration create(IntegrationTarget<EmbySettings> target, KindContext context) {
        // Emby reads X-Emby-Token; Jellyfin 12 ignores that legacy header, hence the two ways of the one client.
        return JellyfinServer.connect(
                ID,
                "Emby",
                context.http(),
                context.clock(),
                target,
                target.settings().apiKey(),
                JellyfinAuth.EMBY_TOKEN,
                JellyfinServer.FULL_SCAN_TIMEOUT);
    }
}
