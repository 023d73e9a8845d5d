package dev.hearth.media.sonarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.media.AddTitle;
import dev.hearth.media.CalendarEntry;
import dev.hearth.media.CommandStatus;
import dev.hearth.media.ManagedKind;
import dev.hearth.media.ManagedTitle;
import dev.hearth.media.ManagerCommand;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaNotFoundException;
import dev.hearth.media.TitleCandidate;
import dev.hearth.media.arr.ArrApi;
import dev.hearth.media.arr.ArrManager;
import dev.hearth.media.arr.ArrShapes;
import dev.hearth.media.clients.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Sonarr as a {@link dev.hearth.media.MediaManager} of series. */
final class SonarrManager extends ArrManager {

    SonarrManager(String serviceName, ArrApi api, Clock clock) {
        super(SonarrKind.ID, serviceName, api, clock, "seriesId");
    }

    @Override
    public ManagedKind manages() {
        return ManagedKind.SERIES;
    }

    @Override
    public List<ManagedTitle> titles() {
        return Json.list(api.titles(), SonarrManager::title);
    }

    @Override
    public List<TitleCandidate> lookup(String term) {
        return Json.list(
                api.lookup(term),
                s -> new TitleCandidate(
                        Json.text(s, "title"),
                        Json.integerOrNull(s, "year"),
                        Long.toString(Json.number(s, "tvdbId")),
                        Json.textOrNull(s, "imdbId"),
                        ArrShapes.managedId(s),
                        Json.text(s, "overview")));
    }

    @Override
    public ManagedTitle add(AddTitle request) {
        JsonNode found = api.lookup("tvdb:" + request.foreignId());
        if (!found.isArray() || found.isEmpty()) {
            throw new MediaNotFoundException("Sonarr finds no series with TVDB id " + request.foreignId());
        }
        ObjectNode body = ((ObjectNode) found.get(0)).deepCopy();
        body.put("qualityProfileId", request.qualityProfileId());
        body.put("rootFolderPath", request.rootFolderPath());
        body.put("monitored", request.monitored());
        body.put("seasonFolder", true);
        body.putObject("addOptions")
                .put("monitor", request.monitored() ? "all" : "none")
                .put("searchForMissingEpisodes", request.searchNow());
        if (status().version().startsWith("3.")) {
            // Sonarr v3 requires a language profile; v4 dropped them.
            body.put(
                    "languageProfileId", Json.integer(api.get("languageprofile").path(0), "id"));
        }
        return title(api.add(body));
    }

    @Override
    public List<CalendarEntry> calendar(LocalDate from, LocalDate to) {
        return Json.list(api.calendar(from, to), e -> {
            Instant airs = Json.instant(e, "airDateUtc");
            MediaItem item = MediaItem.episode(
                    Json.text(e.path("series"), "title"),
                    Json.integer(e, "seasonNumber"),
                    Json.integer(e, "episodeNumber"),
                    Json.text(e, "title"));
            return new CalendarEntry(
                    airs == null ? Instant.EPOCH : airs,
                    item,
                    "airing",
                    Json.bool(e, "hasFile"),
                    Json.bool(e, "monitored"));
        });
    }

    @Override
    public CommandStatus command(ManagerCommand command) {
        Map<String, Object> body = switch (command) {
            case ManagerCommand.Refresh r -> Map.of("name", "RefreshSeries", "seriesId", existing(r.titleId()));
            case ManagerCommand.Search s -> Map.of("name", "SeriesSearch", "seriesId", existing(s.titleId()));
            case ManagerCommand.ScanDownloads d -> Map.of("name", "DownloadedEpisodesScan", "path", d.path());
        };
        return ArrShapes.command(api.command(body));
    }

    /** Sonarr queues a command for an unknown series and fails it later; ask first so the caller hears it now. */
    private int existing(int seriesId) {
        api.title(seriesId);
        return seriesId;
    }

    private static ManagedTitle title(JsonNode s) {
        JsonNode stats = s.path("statistics");
        return new ManagedTitle(
                Json.integer(s, "id"),
                Json.text(s, "title"),
                Json.integerOrNull(s, "year"),
                Long.toString(Json.number(s, "tvdbId")),
                Json.text(s, "path"),
                Json.bool(s, "monitored"),
                stats.path("percentOfEpisodes").asDouble(0),
                Json.number(stats, "sizeOnDisk"));
    }
}
