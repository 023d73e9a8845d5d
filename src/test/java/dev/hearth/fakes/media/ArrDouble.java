package dev.hearth.fakes.media;

import java.io.IOException;
import java.util.Map;

/**
 * What every *arr app (Sonarr, Radarr, Lidarr, Readarr, Prowlarr) does alike before routing: the API key in {@code X-Api-Key}
 * or the {@code apikey} query parameter, 401 without it, {@code /ping} open to anyone.
 */
abstract class ArrDouble extends FakeMediaService {
    private final String key;

    ArrDouble(String key) throws IOException {
        this.key = key;
    }

    /** The app's API key, which some of its answers carry (Prowlarr's download links). */
    protected final String key() {
        return key;
    }

    @Override
    public Map<String, String> credentials() {
        return Map.of("api_key", key);
    }

    @Override
    public Map<String, String> wrongCredentials() {
        return Map.of("api_key", "00000000000000000000000000000000");
    }

    @Override
    protected boolean isPublic(Request r) {
        return r.path().equals("/ping");
    }

    @Override
    protected boolean authorised(Request r) {
        return key.equals(r.header("X-Api-Key")) || key.equals(query(r).get("apikey"));
    }

    @Override
    protected Reply unauthorised(Request r) {
        return status(401);
    }
}
