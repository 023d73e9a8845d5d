package dev.hearth.fakes.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaItem;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sonarr or Radarr API v3, from their OpenAPI documents (sonarr.tv / radarr.video API docs) and the
 * controllers' validators: {@code X-Api-Key} header or {@code apikey} query, else 401 with no body;
 * {@code /ping} without a key; a lookup item has {@code id} 0 until added; POST of a title answers 201,
 * or 400 with {@code [{propertyName, errorMessage, severity}]}; a command answers 201 queued, an unknown
 * command name 500 (the stock controller's {@code Single(...)} throws). Sonarr v3 also insists on a
 * language profile.
 */
public final class FakeArr extends ArrDouble {
    /** Which app, and which version of it. */
    public enum App {
        SONARR_4,
        SONARR_3,
        RADARR
    }

    private static final Set<String> COMMANDS = Set.of(
            "RefreshSeries",
            "SeriesSearch",
            "EpisodeSearch",
            "RescanSeries",
            "DownloadedEpisodesScan",
            "RefreshMovie",
            "MoviesSearch",
            "RescanMovie",
            "DownloadedMoviesScan");
    private final App app;
    private final MediaScenario.Managed scenario;
    private final List<Map<String, Object>> titles = new CopyOnWriteArrayList<>();
    private int nextCommand = 100;
    private volatile java.util.function.Consumer<Map<String, Object>> search = added -> {};

    public FakeArr(App app) throws IOException {
        this(app, app == App.RADARR ? MediaScenario.MOVIE : MediaScenario.SERIES);
    }

    /** The app holding {@code scenario}'s existing title, offering its candidate to add. */
    public FakeArr(App app, MediaScenario.Managed scenario) throws IOException {
        super("0123456789abcdef0123456789abcdef");
        this.app = app;
        this.scenario = scenario;
        titles.add(title(scenario.existing(), true));
    }

    /**
     * What the app does when a title is added with "search now": Radarr searches its indexers and sends the best
     * release to its download client. By default nothing (the release search is not this double's).
     */
    public void onSearch(java.util.function.Consumer<Map<String, Object>> grab) {
        this.search = grab;
    }

    private boolean movies() {
        return app == App.RADARR;
    }

    private String resource() {
        return movies() ? "movie" : "series";
    }

    @Override
    protected synchronized Reply route(Request r) {
        String p = r.path();
        String base = "/api/v3/";
        boolean get = r.method().equals("GET");
        if (p.equals("/ping")) return json(obj("status", "OK"));
        if (!p.startsWith(base)) return status(404);
        String rest = p.substring(base.length());
        if (get && rest.equals("system/status"))
            return json(obj(
                    "appName",
                    movies() ? "Radarr" : "Sonarr",
                    "instanceName",
                    movies() ? "Radarr" : "Sonarr",
                    "version",
                    switch (app) {
                        case SONARR_4 -> "4.0.11.2680";
                        case SONARR_3 -> "3.0.10.1567";
                        case RADARR -> "5.14.0.9383";
                    },
                    "isDebug",
                    false,
                    "urlBase",
                    "",
                    "authentication",
                    "forms",
                    "startTime",
                    "2026-12-01T08:00:00Z"));
        if (get && rest.equals("qualityprofile"))
            return json(List.of(obj(
                    "id",
                    MediaScenario.QUALITY_PROFILE_ID,
                    "name",
                    MediaScenario.QUALITY_PROFILE,
                    "upgradeAllowed",
                    true,
                    "cutoff",
                    7,
                    "items",
                    List.of())));
        if (get && rest.equals("rootfolder"))
            return json(List.of(obj(
                    "id",
                    1,
                    "path",
                    scenario.rootFolder(),
                    "accessible",
                    true,
                    "freeSpace",
                    500_000_000_000L,
                    "unmappedFolders",
                    List.of())));
        if (get && rest.equals("languageprofile") && app == App.SONARR_3)
            return json(List.of(obj("id", 1, "name", "English")));
        if (get && rest.equals(resource())) return json(titles);
        if (get && rest.equals(resource() + "/lookup")) return json(lookup(query(r).getOrDefault("term", "")));
        if (get && rest.startsWith(resource() + "/")) {
            String id = rest.substring(resource().length() + 1);
            return titles.stream()
                    .filter(t -> t.get("id").toString().equals(id))
                    .findFirst()
                    .map(FakeMediaService::json)
                    .orElse(Reply.json(404, obj("message", "NotFound")));
        }
        if (r.method().equals("POST") && rest.equals(resource())) return add(r.json());
        if (get && rest.equals("queue")) return page(query(r), List.of(queueRecord()));
        if (get && rest.equals("calendar")) return calendar(query(r));
        if (get && rest.equals("history")) return page(query(r), List.of(historyRecord()));
        if (r.method().equals("POST") && rest.equals("command")) return command(r.json());
        return status(404);
    }

    private List<Map<String, Object>> lookup(String term) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MediaScenario.Title t : List.of(scenario.existing(), scenario.candidate())) {
            String foreign = (movies() ? "tmdb:" : "tvdb:") + t.foreignId();
            if (term.equalsIgnoreCase(foreign)
                    || t.title().toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT))) {
                boolean added =
                        titles.stream().anyMatch(x -> x.get(foreignKey()).equals(Long.parseLong(t.foreignId())));
                Map<String, Object> item = title(t, added);
                if (!added) {
                    item.put("id", 0);
                    item.remove("path");
                }
                out.add(item);
            }
        }
        return out;
    }

    private Reply add(JsonNode body) {
        List<Object> failures = new ArrayList<>();
        long foreign = body.path(foreignKey()).asLong();
        if (titles.stream().anyMatch(t -> t.get(foreignKey()).equals(foreign))) {
            failures.add(failure(
                    movies() ? "TmdbId" : "TvdbId",
                    movies() ? "This movie has already been added" : "This series has already been added",
                    foreign));
        }
        if (body.path("qualityProfileId").asInt() <= 0)
            failures.add(failure("QualityProfileId", "'Quality Profile Id' must be greater than '0'.", 0));
        if (!scenario.rootFolder().equals(body.path("rootFolderPath").asText())) {
            failures.add(failure(
                    "RootFolderPath",
                    "Root folder does not exist",
                    body.path("rootFolderPath").asText()));
        }
        if (app == App.SONARR_3 && body.path("languageProfileId").asInt() <= 0) {
            failures.add(failure("LanguageProfileId", "'Language Profile Id' must be greater than '0'.", 0));
        }
        if (!failures.isEmpty()) return Reply.json(400, failures);
        MediaScenario.Title t =
                Long.toString(foreign).equals(scenario.candidate().foreignId()) ? scenario.candidate() : null;
        if (t == null) return Reply.json(400, List.of(failure(foreignKey(), "Unknown title", foreign)));
        Map<String, Object> added = title(t, false);
        added.put("id", titles.size() + 1);
        added.put("path", body.path("rootFolderPath").asText() + "/" + t.title());
        added.put("monitored", body.path("monitored").asBoolean());
        titles.add(added);
        boolean search = body.path("addOptions")
                .path(movies() ? "searchForMovie" : "searchForMissingEpisodes")
                .asBoolean();
        received.add(
                "add " + foreign + " profile " + body.path("qualityProfileId").asInt() + " in "
                        + body.path("rootFolderPath").asText() + (search ? " searching now" : ""));
        if (search) this.search.accept(added);
        return Reply.json(201, added);
    }

    private Reply command(JsonNode body) {
        String name = body.path("name").asText();
        if (!COMMANDS.contains(name)) {
            return Reply.json(
                    500,
                    obj(
                            "message",
                            "Sequence contains no matching element",
                            "description",
                            "System.InvalidOperationException"));
        }
        String target = body.has("seriesId")
                ? " " + body.path("seriesId").asInt()
                : body.has("movieIds")
                        ? " " + body.path("movieIds").path(0).asInt()
                        : body.has("path") ? " " + body.path("path").asText() : "";
        received.add("command " + name + target);
        return Reply.json(
                201,
                obj(
                        "id",
                        nextCommand++,
                        "name",
                        name,
                        "commandName",
                        name,
                        "status",
                        "queued",
                        "queued",
                        "2026-12-03T08:00:00Z",
                        "trigger",
                        "manual",
                        "body",
                        body,
                        "priority",
                        "normal"));
    }

    private Reply calendar(Map<String, String> q) {
        Instant start =
                LocalDate.parse(q.get("start")).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = LocalDate.parse(q.get("end"))
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        MediaItem due = scenario.due();
        if (scenario.dueAt().isBefore(start) || !scenario.dueAt().isBefore(end)) return json(List.of());
        if (movies()) {
            return json(List.of(obj(
                    "id",
                    2,
                    "title",
                    due.title(),
                    "year",
                    due.year(),
                    "tmdbId",
                    Long.parseLong(scenario.candidate().foreignId()),
                    "inCinemas",
                    "2024-02-27T00:00:00Z",
                    "digitalRelease",
                    scenario.dueAt().toString(),
                    "physicalRelease",
                    "2024-05-14T00:00:00Z",
                    "hasFile",
                    false,
                    "monitored",
                    true)));
        }
        return json(List.of(obj(
                "id",
                70,
                "seriesId",
                1,
                "seasonNumber",
                due.season(),
                "episodeNumber",
                due.episode(),
                "title",
                due.title(),
                "airDate",
                "2026-12-04",
                "airDateUtc",
                scenario.dueAt().toString(),
                "hasFile",
                false,
                "monitored",
                true,
                "series",
                obj(
                        "id",
                        1,
                        "title",
                        due.seriesTitle(),
                        "tvdbId",
                        Long.parseLong(scenario.existing().foreignId())))));
    }

    private Map<String, Object> queueRecord() {
        return obj(
                "id",
                7,
                movies() ? "movieId" : "seriesId",
                1,
                "title",
                scenario.queuedRelease(),
                "status",
                "downloading",
                "trackedDownloadStatus",
                "warning",
                "trackedDownloadState",
                "downloading",
                "statusMessages",
                List.of(obj("title", scenario.queuedRelease(), "messages", List.of("Stalled: no connections"))),
                "downloadId",
                MediaScenario.DOWNLOAD_ID,
                "protocol",
                "torrent",
                "downloadClient",
                "qBittorrent",
                "size",
                2_000_000_000L,
                "sizeleft",
                500_000_000L,
                "timeleft",
                "00:10:00",
                "estimatedCompletionTime",
                MediaScenario.QUEUE_ETA.toString());
    }

    private Map<String, Object> historyRecord() {
        return obj(
                "id",
                11,
                movies() ? "movieId" : "seriesId",
                1,
                "sourceTitle",
                scenario.grabbedRelease(),
                "quality",
                obj("quality", obj("id", 7, "name", scenario.grabbedQuality()), "revision", obj("version", 1)),
                "date",
                MediaScenario.GRABBED_AT.toString(),
                "eventType",
                "grabbed",
                "downloadId",
                MediaScenario.DOWNLOAD_ID,
                "data",
                obj("indexer", MediaScenario.INDEXER));
    }

    private Map<String, Object> title(MediaScenario.Title t, boolean added) {
        Map<String, Object> m = obj(
                "id",
                t.id(),
                "title",
                t.title(),
                "year",
                t.year(),
                foreignKey(),
                Long.parseLong(t.foreignId()),
                "imdbId",
                t.imdbId(),
                "path",
                t.path(),
                "monitored",
                added,
                "overview",
                "About " + t.title() + ".");
        if (movies()) {
            m.put("hasFile", t.downloadedPercent() >= 100);
            m.put("sizeOnDisk", t.sizeOnDisk());
        } else {
            m.put(
                    "statistics",
                    obj(
                            "episodeFileCount",
                            5,
                            "episodeCount",
                            10,
                            "percentOfEpisodes",
                            t.downloadedPercent(),
                            "sizeOnDisk",
                            t.sizeOnDisk()));
        }
        return m;
    }

    private String foreignKey() {
        return movies() ? "tmdbId" : "tvdbId";
    }
}
