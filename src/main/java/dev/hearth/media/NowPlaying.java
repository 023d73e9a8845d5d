package dev.hearth.media;

import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.Reading;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A media server's poll data: who was playing when it was read, so status pages count streams without asking it. */
public record NowPlaying(List<Stream> streams) {
    public NowPlaying {
        streams = List.copyOf(streams);
    }

    /**
     * The reading of a media server: its health, and its sessions when it is up. A server that is up but refuses the
     * sessions (a shared user's token on Plex) stays online, just without figures.
     */
    public static Reading reading(Health health, Supplier<List<Stream>> sessions) {
        return new Reading(health, health.status() == Health.Status.ONLINE ? read(sessions) : null);
    }

    private static @Nullable NowPlaying read(Supplier<List<Stream>> sessions) {
        try {
            return new NowPlaying(sessions.get());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
