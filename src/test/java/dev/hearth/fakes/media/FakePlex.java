package dev.hearth.fakes.media;

import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaType;
import dev.hearth.media.PlayState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plex Media Server, from its API documentation (developer.plex.tv/pms) and the python-plexapi notes:
 * the token in the {@code X-Plex-Token} header or query, else 401 (an HTML page); XML unless the caller
 * asks for JSON with {@code Accept}; every answer inside {@code MediaContainer}, an empty child array
 * left out; ids as strings; a refresh answers 200 with no body once the scan is queued.
 */
public final class FakePlex extends FakeMediaService {
    private static final String TOKEN = "plex-token-0123456789";

    public FakePlex() throws IOException {}

    @Override
    public Map<String, String> credentials() {
        return Map.of("token", TOKEN);
    }

    @Override
    public Map<String, String> wrongCredentials() {
        return Map.of("token", "not-the-token");
    }

    @Override
    protected boolean isPublic(Request r) {
        return r.path().equals("/identity");
    }

    @Override
    protected boolean authorised(Request r) {
        return TOKEN.equals(r.header("X-Plex-Token")) || TOKEN.equals(query(r).get("X-Plex-Token"));
    }

    @Override
    protected Reply unauthorised(Request r) {
        return new Reply(
                401,
                "text/html",
                "<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>");
    }

    @Override
    protected Reply route(Request r) {
        String accept = r.header("Accept") == null ? "" : r.header("Accept");
        if (!accept.contains("application/json")) {
            return new Reply(
                    200,
                    "text/xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer size=\"0\"></MediaContainer>");
        }
        String p = r.path();
        if (p.equals("/"))
            return container(obj(
                    "size",
                    0,
                    "friendlyName",
                    "hearth-plex",
                    "machineIdentifier",
                    "0f1e2d3c4b5a",
                    "version",
                    "1.41.3.9314-a0bfb8370",
                    "myPlex",
                    true,
                    "transcoderActiveVideoSessions",
                    1));
        if (p.equals("/identity"))
            return container(obj(
                    "size",
                    0,
                    "claimed",
                    true,
                    "machineIdentifier",
                    "0f1e2d3c4b5a",
                    "version",
                    "1.41.3.9314-a0bfb8370"));
        if (p.equals("/library/sections"))
            return container(obj(
                    "size",
                    2,
                    "allowSync",
                    false,
                    "title1",
                    "Plex Library",
                    "Directory",
                    List.of(section("1", "movie", MediaScenario.MOVIES), section("2", "show", MediaScenario.SHOWS))));
        if (p.startsWith("/library/sections/") && p.endsWith("/refresh")) return refresh(r, p.split("/")[3]);
        if (p.equals("/status/sessions")) return sessions();
        if (p.equals("/library/recentlyAdded")) return recentlyAdded(r);
        return status(404);
    }

    private Reply refresh(Request r, String key) {
        if (!r.method().equals("GET") && !r.method().equals("POST")) return status(405);
        String what = switch (key) {
            case "all" -> "all";
            case "1" -> "library:" + MediaScenario.MOVIES.name();
            case "2" -> "library:" + MediaScenario.SHOWS.name();
            default -> null;
        };
        if (what == null) return status(404);
        String path = query(r).get("path");
        refreshing();
        received.add("refresh " + (path == null ? what : "path:" + path + " in " + what));
        return new Reply(200, "text/plain", "");
    }

    private Reply sessions() {
        List<Object> metadata = new ArrayList<>();
        int n = 1;
        for (MediaScenario.Playing s : MediaScenario.PLAYING) {
            Map<String, Object> m = item(s.item());
            m.put("sessionKey", Integer.toString(n++));
            m.put("duration", s.duration().toMillis());
            m.put("viewOffset", s.position().toMillis());
            m.put("User", obj("id", "1", "title", s.user(), "thumb", "https://plex.tv/users/x/avatar"));
            m.put(
                    "Player",
                    obj(
                            "address",
                            "192.0.2.10",
                            "machineIdentifier",
                            "p-" + s.user(),
                            "platform",
                            "Android",
                            "product",
                            "Plex for Android",
                            "title",
                            s.player(),
                            "state",
                            state(s.state()),
                            "local",
                            true));
            m.put("Session", obj("id", s.sessionId(), "bandwidth", 12000, "location", "lan"));
            if (s.transcoding())
                m.put(
                        "TranscodeSession",
                        obj(
                                "key",
                                "/transcode/sessions/x",
                                "videoDecision",
                                "transcode",
                                "audioDecision",
                                "copy",
                                "throttled",
                                false));
            metadata.add(m);
        }
        return container(obj("size", metadata.size(), "Metadata", metadata));
    }

    private Reply recentlyAdded(Request r) {
        int size = Integer.parseInt(query(r).getOrDefault("X-Plex-Container-Size", "50"));
        List<Object> metadata = new ArrayList<>();
        for (MediaScenario.Added a : MediaScenario.RECENT.subList(0, Math.min(size, MediaScenario.RECENT.size()))) {
            Map<String, Object> m = item(a.item());
            m.put("ratingKey", a.id());
            m.put("addedAt", a.at().getEpochSecond());
            m.put("librarySectionTitle", a.library());
            m.put("librarySectionID", a.library().equals("Movies") ? 1 : 2);
            metadata.add(m);
        }
        Map<String, Object> c = obj("size", metadata.size(), "mixedParents", true);
        if (!metadata.isEmpty()) c.put("Metadata", metadata);
        return container(c);
    }

    private static Map<String, Object> item(MediaItem i) {
        if (i.type() == MediaType.EPISODE) {
            return obj(
                    "type",
                    "episode",
                    "title",
                    i.title(),
                    "grandparentTitle",
                    i.seriesTitle(),
                    "parentIndex",
                    i.season(),
                    "index",
                    i.episode());
        }
        return obj("type", "movie", "title", i.title(), "year", i.year());
    }

    private static Map<String, Object> section(String key, String type, MediaScenario.Lib lib) {
        return obj(
                "allowSync",
                true,
                "art",
                "/:/resources/" + type + "-fanart.jpg",
                "filters",
                true,
                "refreshing",
                false,
                "thumb",
                "/:/resources/" + type + ".png",
                "key",
                key,
                "type",
                type,
                "title",
                lib.name(),
                "agent",
                "tv.plex.agents." + type,
                "scanner",
                "Plex " + (type.equals("movie") ? "Movie" : "TV Series"),
                "language",
                "en-US",
                "uuid",
                "uuid-" + key,
                "updatedAt",
                1733000000,
                "scannedAt",
                1733000000,
                "Location",
                List.of(obj("id", Integer.parseInt(key), "path", lib.location())));
    }

    private static String state(PlayState s) {
        return s == PlayState.PAUSED ? "paused" : s == PlayState.BUFFERING ? "buffering" : "playing";
    }

    private static Reply container(Map<String, Object> c) {
        return json(Map.of("MediaContainer", c));
    }
}
