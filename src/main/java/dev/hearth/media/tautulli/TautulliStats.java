package dev.hearth.media.tautulli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.Activity;
import dev.hearth.media.LibraryStats;
import dev.hearth.media.MediaStats;
import dev.hearth.media.MediaUser;
import dev.hearth.media.clients.Json;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Tautulli as {@link MediaStats}. */
final class TautulliStats implements Integration, MediaStats {
    private final String serviceName;
    private final TautulliApi api;
    private final Clock clock;

    TautulliStats(String serviceName, TautulliApi api, Clock clock) {
        this.serviceName = serviceName;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Reading poll() {
        return Reading.of(HealthProbe.check(
                clock, () -> "Tautulli " + Json.text(api.call("get_tautulli_info", Map.of()), "tautulli_version")));
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String kind() {
        return TautulliKind.ID;
    }

    @Override
    public Activity activity() {
        JsonNode a = api.call("get_activity", Map.of());
        return new Activity(
                Json.integer(a, "stream_count"),
                Json.integer(a, "stream_count_transcode"),
                Json.integer(a, "stream_count_direct_play"),
                Json.number(a, "total_bandwidth"),
                Json.list(a, "sessions", TautulliShapes::stream));
    }

    @Override
    public PlayPage history(int limit, int offset) {
        JsonNode h = api.call(
                "get_history",
                Map.of(
                        "length",
                        Integer.toString(limit),
                        "start",
                        Integer.toString(offset),
                        "order_column",
                        "date",
                        "order_dir",
                        "desc"));
        return new PlayPage(
                Json.list(h, "data", TautulliShapes::play),
                h.path("recordsFiltered").asLong(0));
    }

    @Override
    public List<LibraryStats> libraries() {
        return Json.list(api.call("get_libraries", Map.of()), TautulliShapes::library);
    }

    @Override
    public List<MediaUser> users() {
        return Json.list(api.call("get_users", Map.of()), TautulliShapes::user);
    }
}
