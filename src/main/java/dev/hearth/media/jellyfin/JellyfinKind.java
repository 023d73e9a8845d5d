package dev.hearth.media.jellyfin;

import dev.hearth.media.MediaServer;
import dev.hearth.media.mediabrowser.JellyfinAuth;
import dev.hearth.media.mediabrowser.JellyfinServer;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.util.Set;

/** The {@code jellyfin} kind (Jellyfin), offering {@link MediaServer}. */
public final class JellyfinKind implements IntegrationKind<JellyfinSettings> {
    public static final String ID = "jellyfin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Jellyfin";
    }

    @Override
    public String documentation() {
        return "Jellyfin 10.8 or later, e.g. http://127.0.0.1:8096 with its base path if one is set; credentials api_key (Dashboard → API Keys)";
    }

    @Override
    public Class<JellyfinSettings> settings() {
        return JellyfinSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(MediaServer.class));
    }

    @Override
    public Integration create(IntegrationTarget<JellyfinSettings> target, KindContext context) {
        return JellyfinServer.connect(
                ID,
                "Jellyfin",
                context.http(),
                context.clock(),
                target,
                target.settings().apiKey(),
                JellyfinAuth.MEDIABROWSER,
                JellyfinServer.FULL_SCAN_TIMEOUT);
    }
}
