package dev.hearth.fakes.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaType;
import dev.hearth.media.PlayState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jellyfin (and Emby), from Jellyfin's OpenAPI document and its AuthorizationContext: the key in
 * {@code Authorization: MediaBrowser Token="…"}; the legacy {@code X-Emby-Token} / {@code api_key} are read
 * up to 10.11 and ignored from 12.0 on; Emby reads {@code X-Emby-Token}. A missing or ignored key is a
 * 401 with no body. PascalCase JSON, times in ticks of 100 ns; {@code POST /Library/Refresh} answers
 * 204 only when the whole scan is done, {@code /Items/{id}/Refresh} and {@code /Library/Media/Updated}
 * at once.
 */
public final class FakeJellyfin extends FakeMediaService {
    /** Which server this double is: which headers carry the key, and how it names itself. */
    public enum Flavour {
        JELLYFIN_10_11,
        JELLYFIN_12,
        EMBY
    }

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final Pattern TOKEN = Pattern.compile("Token=\"([^\"]*)\"");
    private static final long TICKS = 10_000;
    private static final Map<String, MediaScenario.Lib> FOLDERS = Map.of(
            "f137a2dd21bbc1b99aa5c0f6bf02a805",
            MediaScenario.MOVIES,
            "a656b907eb3a73532e40e44b968d0225",
            MediaScenario.SHOWS);
    private final Flavour flavour;

    public FakeJellyfin(Flavour flavour) throws IOException {
        this.flavour = flavour;
    }

    @Override
    public Map<String, String> credentials() {
        return Map.of("api_key", KEY);
    }

    @Override
    public Map<String, String> wrongCredentials() {
        return Map.of("api_key", "ffffffffffffffffffffffffffffffff");
    }

    @Override
    protected boolean isPublic(Request r) {
        return r.path().equals("/System/Info/Public");
    }

    @Override
    protected boolean authorised(Request r) {
        String mediaBrowser = token(r.header("Authorization"));
        String legacy =
                r.header("X-Emby-Token") != null ? r.header("X-Emby-Token") : token(r.header("X-Emby-Authorization"));
        String queryKey = query(r).get("api_key");
        return switch (flavour) {
            case JELLYFIN_12 -> KEY.equals(mediaBrowser);
            case JELLYFIN_10_11 -> KEY.equals(mediaBrowser) || KEY.equals(legacy) || KEY.equals(queryKey);
            case EMBY -> KEY.equals(legacy) || KEY.equals(queryKey);
        };
    }

    @Override
    protected Reply unauthorised(Request r) {
        return status(401);
    }

    @Override
    protected Reply route(Request r) {
        String p = r.path();
        boolean post = r.method().equals("POST");
        if (p.equals("/System/Info") || p.equals("/System/Info/Public"))
            return json(obj(
                    "ServerName",
                    "hearth-media",
                    "Version",
                    flavour == Flavour.EMBY ? "4.8.10.0" : flavour == Flavour.JELLYFIN_12 ? "12.0.0" : "10.10.3",
                    "ProductName",
                    flavour == Flavour.EMBY ? "Emby Server" : "Jellyfin Server",
                    "Id",
                    "5b0b5b1e9a9e4c3d",
                    "OperatingSystem",
                    "Linux",
                    "StartupWizardCompleted",
                    true));
        if (p.equals("/Library/VirtualFolders"))
            return json(FOLDERS.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue((a, b) -> a.name().compareTo(b.name())))
                    .map(e -> obj(
                            "Name",
                            e.getValue().name(),
                            "Locations",
                            List.of(e.getValue().location()),
                            "CollectionType",
                            e.getValue().kind() == dev.hearth.media.LibraryKind.MOVIES ? "movies" : "tvshows",
                            "ItemId",
                            e.getKey(),
                            "RefreshStatus",
                            "Idle",
                            "LibraryOptions",
                            obj("EnableRealtimeMonitor", true)))
                    .toList());
        if (post && p.startsWith("/Items/") && p.endsWith("/Refresh")) {
            MediaScenario.Lib lib = FOLDERS.get(p.split("/")[2]);
            if (lib == null) return status(404);
            received.add("refresh library:" + lib.name());
            return status(204);
        }
        if (post && p.equals("/Library/Media/Updated")) {
            for (JsonNode u : r.json().path("Updates"))
                received.add("refresh path:" + u.path("Path").asText());
            return status(204);
        }
        if (post && p.equals("/Library/Refresh")) {
            refreshing();
            received.add("refresh all");
            return status(204);
        }
        if (p.equals("/Sessions")) return sessions();
        if (p.equals("/Items")) return items(r);
        return status(404);
    }

    private Reply sessions() {
        List<Object> out = new ArrayList<>();
        for (MediaScenario.Playing s : MediaScenario.PLAYING) {
            Map<String, Object> now = item(s.item());
            now.put("RunTimeTicks", s.duration().toMillis() * TICKS);
            out.add(obj(
                    "Id",
                    s.sessionId(),
                    "UserId",
                    "u-" + s.user(),
                    "UserName",
                    s.user(),
                    "Client",
                    s.player(),
                    "DeviceName",
                    "",
                    "DeviceId",
                    "d-" + s.user(),
                    "LastActivityDate",
                    "2026-12-03T08:00:00.0000000Z",
                    "NowPlayingItem",
                    now,
                    "PlayState",
                    obj(
                            "PositionTicks",
                            s.position().toMillis() * TICKS,
                            "IsPaused",
                            s.state() == PlayState.PAUSED,
                            "PlayMethod",
                            s.transcoding() ? "Transcode" : "DirectPlay")));
        }
        // An open app that plays nothing: listed by Jellyfin, not a stream.
        out.add(obj(
                "Id",
                "s-idle",
                "UserName",
                "carol",
                "Client",
                "Jellyfin Web",
                "DeviceName",
                "Firefox",
                "PlayState",
                obj("CanSeek", false, "IsPaused", false)));
        return json(out);
    }

    private Reply items(Request r) {
        Map<String, String> q = query(r);
        if (!"DateCreated".equals(q.get("SortBy")) || !"Descending".equals(q.get("SortOrder")))
            return json(obj("Items", List.of(), "TotalRecordCount", 0, "StartIndex", 0));
        int limit = Integer.parseInt(q.getOrDefault("Limit", "100"));
        List<Object> items = new ArrayList<>();
        for (MediaScenario.Added a : MediaScenario.RECENT.subList(0, Math.min(limit, MediaScenario.RECENT.size()))) {
            Map<String, Object> m = item(a.item());
            m.put("Id", a.id());
            m.put("DateCreated", a.at().toString().replace("Z", ".0000000Z"));
            items.add(m);
        }
        return json(obj("Items", items, "TotalRecordCount", MediaScenario.RECENT.size(), "StartIndex", 0));
    }

    private static Map<String, Object> item(MediaItem i) {
        if (i.type() == MediaType.EPISODE) {
            return obj(
                    "Name",
                    i.title(),
                    "Type",
                    "Episode",
                    "SeriesName",
                    i.seriesTitle(),
                    "ParentIndexNumber",
                    i.season(),
                    "IndexNumber",
                    i.episode(),
                    "IsFolder",
                    false);
        }
        return obj("Name", i.title(), "Type", "Movie", "ProductionYear", i.year(), "IsFolder", false);
    }

    private static String token(String header) {
        if (header == null || !(header.startsWith("MediaBrowser ") || header.startsWith("Emby "))) return null;
        Matcher m = TOKEN.matcher(header);
        return m.find() ? m.group(1) : null;
    }
}
