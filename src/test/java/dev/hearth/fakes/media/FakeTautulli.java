package dev.hearth.fakes.media;

import dev.hearth.media.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tautulli API v2, from its API reference (docs/API.md, plexpy/api2.py): {@code GET /api/v2?apikey=&cmd=};
 * no key → 401 "Parameter apikey is required", a wrong one → 401 "Invalid apikey", an unknown command → 400;
 * every answer inside {@code {"response":{"result","message","data"}}}; many numbers as strings.
 */
public final class FakeTautulli extends FakeMediaService {
    private static final String KEY = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    public FakeTautulli() throws IOException {}

    @Override
    public Map<String, String> credentials() {
        return Map.of("api_key", KEY);
    }

    @Override
    public Map<String, String> wrongCredentials() {
        return Map.of("api_key", "ffffffffffffffffffffffffffffffff");
    }

    @Override
    protected boolean authorised(Request r) {
        return KEY.equals(query(r).get("apikey"));
    }

    @Override
    protected Reply unauthorised(Request r) {
        return envelope(
                401,
                "error",
                query(r).containsKey("apikey") ? "Invalid apikey" : "Parameter apikey is required",
                obj());
    }

    @Override
    protected Reply route(Request r) {
        if (!r.path().equals("/api/v2")) return status(404);
        String cmd = query(r).getOrDefault("cmd", "");
        return switch (cmd) {
            case "" ->
                envelope(
                        400,
                        "error",
                        "Parameter cmd is required. Possible commands are: get_activity, get_history, ...",
                        obj());
            case "get_tautulli_info" ->
                ok(obj(
                        "tautulli_install_type",
                        "docker",
                        "tautulli_version",
                        "v2.15.0",
                        "tautulli_branch",
                        "master",
                        "tautulli_platform",
                        "Linux",
                        "python_version",
                        "3.11.10"));
            case "get_activity" -> ok(activity());
            case "get_history" ->
                ok(history(
                        Integer.parseInt(query(r).getOrDefault("start", "0")),
                        Integer.parseInt(query(r).getOrDefault("length", "25"))));
            case "get_libraries" ->
                ok(List.of(
                        obj(
                                "section_id",
                                "1",
                                "section_name",
                                "Movies",
                                "section_type",
                                "movie",
                                "count",
                                "1234",
                                "parent_count",
                                "",
                                "child_count",
                                ""),
                        obj(
                                "section_id",
                                "2",
                                "section_name",
                                "TV Shows",
                                "section_type",
                                "show",
                                "count",
                                "56",
                                "parent_count",
                                "300",
                                "child_count",
                                "4500")));
            case "get_users" ->
                ok(List.of(
                        obj(
                                "user_id",
                                "1001",
                                "username",
                                "alice",
                                "friendly_name",
                                "Alice",
                                "email",
                                "alice@example.org",
                                "is_active",
                                1),
                        obj(
                                "user_id",
                                "1002",
                                "username",
                                "bob",
                                "friendly_name",
                                "Bob",
                                "email",
                                "bob@example.org",
                                "is_active",
                                0)));
            default ->
                envelope(400, "error", "Unknown command: " + cmd + ". Possible commands are: get_activity, ...", obj());
        };
    }

    private static Map<String, Object> activity() {
        List<Object> sessions = new ArrayList<>();
        int key = 1;
        for (MediaScenario.Playing s : MediaScenario.PLAYING) {
            boolean episode = s.item().type() == MediaType.EPISODE;
            sessions.add(obj(
                    "session_key",
                    Integer.toString(key++),
                    "session_id",
                    s.sessionId(),
                    "user",
                    s.user(),
                    "friendly_name",
                    s.user(),
                    "media_type",
                    episode ? "episode" : "movie",
                    "title",
                    s.item().title(),
                    "full_title",
                    s.item().displayTitle(),
                    "grandparent_title",
                    episode ? s.item().seriesTitle() : "",
                    "parent_media_index",
                    episode ? s.item().season().toString() : "",
                    "media_index",
                    episode ? s.item().episode().toString() : "",
                    "year",
                    episode ? "" : s.item().year().toString(),
                    "state",
                    s.state().name().toLowerCase(),
                    "player",
                    s.player(),
                    "product",
                    "Plex for Android",
                    "view_offset",
                    Long.toString(s.position().toMillis()),
                    "duration",
                    Long.toString(s.duration().toMillis()),
                    "progress_percent",
                    Long.toString(100 * s.position().toMillis() / s.duration().toMillis()),
                    "transcode_decision",
                    s.transcoding() ? "transcode" : "direct play"));
        }
        return obj(
                "lan_bandwidth",
                22000,
                "wan_bandwidth",
                0,
                "total_bandwidth",
                22000,
                "stream_count",
                "2",
                "stream_count_direct_play",
                1,
                "stream_count_direct_stream",
                0,
                "stream_count_transcode",
                1,
                "sessions",
                sessions);
    }

    private static Map<String, Object> history(int start, int length) {
        List<Object> rows = new ArrayList<>();
        rows.add(obj(
                "date",
                1764756000,
                "started",
                1764756000,
                "stopped",
                1764763200,
                "friendly_name",
                "Alice",
                "user",
                "alice",
                "full_title",
                "Inception",
                "title",
                "Inception",
                "grandparent_title",
                "",
                "parent_media_index",
                "",
                "media_index",
                "",
                "media_type",
                "movie",
                "year",
                2010,
                "play_duration",
                7200,
                "percent_complete",
                81,
                "player",
                "Living Room TV",
                "watched_status",
                1));
        rows.add(obj(
                "date",
                1764669600,
                "started",
                1764669600,
                "stopped",
                1764672240,
                "friendly_name",
                "Bob",
                "user",
                "bob",
                "full_title",
                "The Expanse - Home",
                "title",
                "Home",
                "grandparent_title",
                "The Expanse",
                "parent_media_index",
                2,
                "media_index",
                5,
                "media_type",
                "episode",
                "year",
                2017,
                "play_duration",
                2640,
                "percent_complete",
                100,
                "player",
                "Pixel 8",
                "watched_status",
                1));
        return obj(
                "recordsFiltered",
                rows.size(),
                "recordsTotal",
                rows.size(),
                "draw",
                1,
                "total_duration",
                "2 hrs 44 mins",
                "data",
                rows.subList(Math.min(start, rows.size()), Math.min(start + length, rows.size())));
    }

    private static Reply ok(Object data) {
        return envelope(200, "success", null, data);
    }

    private static Reply envelope(int status, String result, String message, Object data) {
        return Reply.json(status, Map.of("response", obj("result", result, "message", message, "data", data)));
    }
}
