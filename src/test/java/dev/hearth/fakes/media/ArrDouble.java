package dev.hearth.fakes.media;

import java.io.IOException;
import java.util.List;
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

    /** One page of records as the apps' paged resources (queue, history) answer it. */
    protected static Reply page(Map<String, String> q, List<Map<String, Object>> records) {
        int size = Integer.parseInt(q.getOrDefault("pageSize", "10"));
        return json(obj(
                "page",
                1,
                "pageSize",
                size,
                "sortKey",
                q.getOrDefault("sortKey", "timeleft"),
                "sortDirection",
                q.getOrDefault("sortDirection", "ascending"),
                "totalRecords",
                records.size(),
                "records",
                records.subList(0, Math.min(size, records.size()))));
    }

    /** One entry of the validation list an app answers a refused write with (400). */
    protected static Map<String, Object> failure(String property, String message, Object attempted) {
        return obj("propertyName", property, "errorMessage", message, "attemptedValue", attempted, "severity", "error");
    }
}
