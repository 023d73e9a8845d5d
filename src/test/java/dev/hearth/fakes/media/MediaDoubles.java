package dev.hearth.fakes.media;

import java.io.IOException;

/**
 * The double for each media integration kind, by the kind's id. A contract test asks here for every kind
 * the registry offers, so a new kind without a double fails loudly instead of going untested.
 */
public final class MediaDoubles {

    private MediaDoubles() {}

    public static FakeMediaService start(String kind) throws IOException {
        return switch (kind) {
            case "plex" -> new FakePlex();
            case "jellyfin" -> new FakeJellyfin(FakeJellyfin.Flavour.JELLYFIN_12);
            case "emby" -> new FakeJellyfin(FakeJellyfin.Flavour.EMBY);
            case "sonarr" -> new FakeArr(FakeArr.App.SONARR_4);
            case "radarr" -> new FakeArr(FakeArr.App.RADARR);
            case "lidarr" -> new FakeArrV1(FakeArrV1.App.LIDARR);
            case "readarr" -> new FakeArrV1(FakeArrV1.App.READARR);
            case "prowlarr" -> new FakeProwlarr();
            case "torznab" -> new FakeTorznab(FakeTorznab.Refusal.SPEC_ERROR_200);
            case "overseerr" -> new FakeOverseerr();
            case "tautulli" -> new FakeTautulli();
            default ->
                throw new AssertionError(
                        "no double for the media integration '" + kind
                                + "': write one in dev.hearth.fakes.media from the upstream's API documentation and add it here");
        };
    }
}
