package dev.hearth.media.lidarr;

import dev.hearth.media.ManagedKind;
import dev.hearth.media.MediaManager;
import dev.hearth.media.arr.ArrV1Manager;
import dev.hearth.platform.integration.BaseUrls;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.util.Set;

/** The {@code lidarr} kind (Lidarr, music by artist), offering {@link MediaManager}. */
public final class LidarrKind implements IntegrationKind<LidarrSettings> {
    public static final String ID = "lidarr";

    /** Lidarr's words on the shared v1 client: artists by MusicBrainz id, albums as works. */
    static final ArrV1Manager.Words WORDS = new ArrV1Manager.Words(
            "Lidarr",
            ManagedKind.MUSIC,
            "artist",
            "includeArtist",
            "artistName",
            "foreignArtistId",
            "lidarr:",
            "searchForMissingAlbums",
            "artistId",
            "percentOfTracks",
            "RefreshArtist",
            "ArtistSearch",
            "DownloadedAlbumsScan");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Lidarr";
    }

    @Override
    public String documentation() {
        return "Lidarr's API v1, e.g. http://127.0.0.1:8686 with its URL base if one is set; credentials api_key (Settings → General → Security)";
    }

    @Override
    public String setup() {
        return """
                In Lidarr: Settings → General → Security → API Key; give it as `api_key`. Give the address with its URL
                base if one is set (e.g. `http://host:8686/lidarr`); writing `…/api/v1` is fine too. `media.download` with
                `kind: music` adds the artist with Lidarr's first quality profile, first metadata profile and first root
                folder, and Lidarr searches for their missing albums at once.
                """;
    }

    @Override
    public Class<LidarrSettings> settings() {
        return LidarrSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(MediaManager.class));
    }

    /** The address as users write it, also with the API's own path (/api/v1); a URL base (sub-path) is kept. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "api/v1");
    }

    @Override
    public Integration create(IntegrationTarget<LidarrSettings> target, KindContext context) {
        return ArrV1Manager.of(ID, WORDS, target, target.settings().apiKey(), context);
    }
}
