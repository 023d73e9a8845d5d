package dev.hearth.fakes.media;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Lidarr or Readarr API v1, from their OpenAPI documents (lidarr.audio / readarr docs, the {@code Lidarr.Api.V1}
 * and {@code Readarr.Api.V1} controllers): {@code X-Api-Key} header or {@code apikey} query, else 401 with no
 * body; {@code /ping} without a key. A title is a person: an artist ({@code artistName}, {@code foreignArtistId}
 * a MusicBrainz id) or an author ({@code authorName}, {@code foreignAuthorId} a Goodreads id). Lookup by name or
 * by {@code lidarr:<mbid>} / {@code readarr:<id>}; a lookup item has no id until added. POST of a person answers
 * 201, or 400 with {@code [{propertyName, errorMessage, severity}]}: already added, an unknown quality or metadata
 * profile, a missing root folder. The calendar lists albums or books by {@code releaseDate}, with the person
 * embedded only when asked ({@code includeArtist}/{@code includeAuthor}). A command answers 201 queued, an
 * unknown name 500.
 */
public final class FakeArrV1 extends ArrDouble {
    /** Which app. */
    public enum App {
        LIDARR,
        READARR
    }

    private static final int METADATA_PROFILE_ID = 1;
    private static final Set<String> COMMANDS = Set.of(
            "RefreshArtist",
            "ArtistSearch",
            "AlbumSearch",
            "DownloadedAlbumsScan",
            "RefreshAuthor",
            "AuthorSearch",
            "BookSearch",
            "DownloadedBooksScan");
    private final App app;
    private final MediaScenario.Managed scenario;
    private final List<Map<String, Object>> people = new CopyOnWriteArrayList<>();
    private int nextCommand = 100;

    public FakeArrV1(App app) throws IOException {
        super("fedcba9876543210fedcba9876543210");
        this.app = app;
        this.scenario = music() ? MediaScenario.MUSIC : MediaScenario.BOOKS;
        people.add(person(scenario.existing(), true));
    }

    private boolean music() {
        return app == App.LIDARR;
    }

    private String resource() {
        return music() ? "artist" : "author";
    }

    private String nameField() {
        return music() ? "artistName" : "authorName";
    }

    private String foreignKey() {
        return music() ? "foreignArtistId" : "foreignAuthorId";
    }

    private String idField() {
        return music() ? "artistId" : "authorId";
    }

    private String workIdField() {
        return music() ? "albumId" : "bookId";
    }

    @Override
    protected synchronized Reply route(Request r) {
        String p = r.path();
        String base = "/api/v1/";
        boolean get = r.method().equals("GET");
        if (p.equals("/ping")) return json(obj("status", "OK"));
        if (!p.startsWith(base)) return status(404);
        String rest = p.substring(base.length());
        if (get && rest.equals("system/status"))
            return json(obj(
                    "appName",
                    music() ? "Lidarr" : "Readarr",
                    "instanceName",
                    music() ? "Lidarr" : "Readarr",
                    "version",
                    music() ? "2.8.2.4493" : "0.4.18.2805",
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
                    6,
                    "items",
                    List.of())));
        if (get && rest.equals("metadataprofile"))
            return json(List.of(obj(
                    "id",
                    METADATA_PROFILE_ID,
                    "name",
                    "Standard",
                    music() ? "primaryAlbumTypes" : "minPopularity",
                    music() ? List.of() : 350.0)));
        if (get && rest.equals("rootfolder"))
            return json(List.of(obj(
                    "id",
                    1,
                    "name",
                    music() ? "Music" : "Books",
                    "path",
                    scenario.rootFolder(),
                    "defaultMetadataProfileId",
                    METADATA_PROFILE_ID,
                    "defaultQualityProfileId",
                    MediaScenario.QUALITY_PROFILE_ID,
                    "accessible",
                    true,
                    "freeSpace",
                    500_000_000_000L)));
        if (get && rest.equals(resource())) return json(people);
        if (get && rest.equals(resource() + "/lookup")) return json(lookup(query(r).getOrDefault("term", "")));
        if (get && rest.startsWith(resource() + "/")) {
            String id = rest.substring(resource().length() + 1);
            return people.stream()
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
        return Reply.json(404, obj("message", "NotFound"));
    }

    private List<Map<String, Object>> lookup(String term) {
        String lower = term.toLowerCase(Locale.ROOT);
        String prefix = music() ? "lidarr:" : "readarr:";
        List<Map<String, Object>> out = new ArrayList<>();
        for (MediaScenario.Title t : List.of(scenario.existing(), scenario.candidate())) {
            boolean byId = lower.equals(prefix + t.foreignId().toLowerCase(Locale.ROOT));
            if (byId
                    || (!lower.startsWith(prefix)
                            && t.title().toLowerCase(Locale.ROOT).contains(lower))) {
                Map<String, Object> added = byForeignId(t.foreignId());
                if (added != null) {
                    out.add(added);
                } else {
                    Map<String, Object> item = person(t, false);
                    item.remove("id");
                    item.remove("path");
                    out.add(item);
                }
            }
        }
        return out;
    }

    private Map<String, Object> byForeignId(String foreignId) {
        return people.stream()
                .filter(x -> x.get(foreignKey()).equals(foreignId))
                .findFirst()
                .orElse(null);
    }

    private Reply add(JsonNode body) {
        List<Object> failures = new ArrayList<>();
        String foreign = body.path(foreignKey()).asText();
        if (foreign.isEmpty())
            failures.add(failure(
                    music() ? "ForeignArtistId" : "ForeignAuthorId",
                    "'" + (music() ? "Foreign Artist Id" : "Foreign Author Id") + "' must not be empty.",
                    ""));
        if (byForeignId(foreign) != null)
            failures.add(failure(
                    music() ? "ForeignArtistId" : "ForeignAuthorId",
                    music() ? "This artist has already been added." : "This author has already been added.",
                    foreign));
        if (body.path("qualityProfileId").asInt() != MediaScenario.QUALITY_PROFILE_ID)
            failures.add(failure(
                    "QualityProfileId",
                    "Quality Profile does not exist",
                    body.path("qualityProfileId").asInt()));
        if (body.path("metadataProfileId").asInt() != METADATA_PROFILE_ID)
            failures.add(failure(
                    "MetadataProfileId",
                    "Metadata Profile does not exist",
                    body.path("metadataProfileId").asInt()));
        if (!scenario.rootFolder().equals(body.path("rootFolderPath").asText()))
            failures.add(failure(
                    "RootFolderPath",
                    "Root folder does not exist",
                    body.path("rootFolderPath").asText()));
        if (!failures.isEmpty()) return Reply.json(400, failures);
        if (!foreign.equals(scenario.candidate().foreignId()))
            return Reply.json(400, List.of(failure(foreignKey(), "Unknown " + resource(), foreign)));
        MediaScenario.Title t = scenario.candidate();
        Map<String, Object> added = person(t, false);
        added.put("id", people.size() + 1);
        added.put("path", body.path("rootFolderPath").asText() + "/" + t.title());
        added.put("monitored", body.path("monitored").asBoolean());
        added.put("metadataProfileId", body.path("metadataProfileId").asInt());
        people.add(added);
        boolean search = body.path("addOptions")
                .path(music() ? "searchForMissingAlbums" : "searchForMissingBooks")
                .asBoolean();
        received.add(
                "add " + foreign + " profile " + body.path("qualityProfileId").asInt() + " in "
                        + body.path("rootFolderPath").asText() + (search ? " searching now" : ""));
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
        String target = body.has(idField())
                ? " " + body.path(idField()).asInt()
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
        if (scenario.dueAt().isBefore(start) || !scenario.dueAt().isBefore(end)) return json(List.of());
        Map<String, Object> work = obj(
                "id",
                10,
                "title",
                scenario.due().title(),
                idField(),
                1,
                "releaseDate",
                scenario.dueAt().toString(),
                "monitored",
                true,
                "statistics",
                music()
                        ? obj("trackFileCount", 0, "trackCount", 10, "percentOfTracks", 0.0, "sizeOnDisk", 0)
                        : obj("bookFileCount", 0, "bookCount", 1, "percentOfBooks", 0.0, "sizeOnDisk", 0));
        if ("true".equals(q.get(music() ? "includeArtist" : "includeAuthor")))
            work.put(resource(), person(scenario.existing(), true));
        return json(List.of(work));
    }

    private Map<String, Object> queueRecord() {
        return obj(
                "id",
                7,
                idField(),
                1,
                workIdField(),
                10,
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
                idField(),
                1,
                workIdField(),
                10,
                "sourceTitle",
                scenario.grabbedRelease(),
                "quality",
                obj("quality", obj("id", 6, "name", scenario.grabbedQuality()), "revision", obj("version", 1)),
                "date",
                MediaScenario.GRABBED_AT.toString(),
                "eventType",
                "grabbed",
                "downloadId",
                MediaScenario.DOWNLOAD_ID,
                "data",
                obj("indexer", MediaScenario.INDEXER));
    }

    private Map<String, Object> person(MediaScenario.Title t, boolean added) {
        return obj(
                "id",
                t.id(),
                nameField(),
                t.title(),
                foreignKey(),
                t.foreignId(),
                "path",
                t.path(),
                "monitored",
                added,
                "overview",
                "About " + t.title() + ".",
                "qualityProfileId",
                MediaScenario.QUALITY_PROFILE_ID,
                "metadataProfileId",
                METADATA_PROFILE_ID,
                "statistics",
                music()
                        ? obj(
                                "albumCount",
                                9,
                                "trackFileCount",
                                90,
                                "trackCount",
                                90,
                                "percentOfTracks",
                                t.downloadedPercent(),
                                "sizeOnDisk",
                                t.sizeOnDisk())
                        : obj(
                                "bookFileCount",
                                3,
                                "bookCount",
                                5,
                                "percentOfBooks",
                                t.downloadedPercent(),
                                "sizeOnDisk",
                                t.sizeOnDisk()));
    }
}
