package dev.hearth.media.radarr;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Radarr as a {@link dev.hearth.media.MediaManager} of movies. */
final class RadarrManager extends ArrManager {
    private static final Map<String, String> RELEASES =
            Map.of("inCinemas", "cinemas", "digitalRelease", "digital", "physicalRelease", "physical");

    RadarrManager(String serviceName, ArrApi api, Clock clock) {
        super(RadarrKind.ID, serviceName, api, clock, "movieId");
    }

    @Override
    public ManagedKind manages() {
        return ManagedKind.MOVIES;
    }

    @Override
    public List<ManagedTitle> titles() {
        return Json.list(api.titles(), RadarrManager::title);
    }

    @Override
    public List<TitleCandidate> lookup(String term) {
        return Json.list(
                api.lookup(term),
                m -> new TitleCandidate(
                        Json.text(m, "title"),
                        Json.integerOrNull(m, "year"),
                        Long.toString(Json.number(m, "tmdbId")),
                        Json.textOrNull(m, "imdbId"),
                        ArrShapes.managedId(m),
                        Json.text(m, "overview")));
    }

    @Override
    public ManagedTitle add(AddTitle request) {
        JsonNode found = api.lookup("tmdb:" + request.foreignId());
        if (!found.isArray() || found.isEmpty()) {
            throw new MediaNotFoundException("Radarr finds no movie with TMDB id " + request.foreignId());
        }
        ObjectNode body = ((ObjectNode) found.get(0)).deepCopy();
        body.put("qualityProfileId", request.qualityProfileId());
        body.put("rootFolderPath", request.rootFolderPath());
        body.put("monitored", request.monitored());
        body.put("minimumAvailability", "released");
        body.putObject("addOptions").put("searchForMovie", request.searchNow());
        return title(api.add(body));
    }

    /** A movie has up to three release dates; each one inside the range is an entry. */
    @Override
    public List<CalendarEntry> calendar(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<CalendarEntry> out = new ArrayList<>();
        for (JsonNode m : api.calendar(from, to)) {
            MediaItem item = MediaItem.movie(Json.text(m, "title"), Json.integerOrNull(m, "year"));
            RELEASES.forEach((field, release) -> {
                Instant when = Json.instant(m, field);
                if (when != null && !when.isBefore(start) && when.isBefore(end)) {
                    out.add(new CalendarEntry(when, item, release, Json.bool(m, "hasFile"), Json.bool(m, "monitored")));
                }
            });
        }
        out.sort((a, b) -> a.when().compareTo(b.when()));
        return out;
    }

    @Override
    public CommandStatus command(ManagerCommand command) {
        Map<String, Object> body = switch (command) {
            case ManagerCommand.Refresh r -> Map.of("name", "RefreshMovie", "movieIds", List.of(existing(r.titleId())));
            case ManagerCommand.Search s -> Map.of("name", "MoviesSearch", "movieIds", List.of(existing(s.titleId())));
            case ManagerCommand.ScanDownloads d -> Map.of("name", "DownloadedMoviesScan", "path", d.path());
        };
        return ArrShapes.command(api.command(body));
    }

    private int existing(int movieId) {
        api.title(movieId);
        return movieId;
    }

    private static ManagedTitle title(JsonNode m) {
        return new ManagedTitle(
                Json.integer(m, "id"),
                Json.text(m, "title"),
                Json.integerOrNull(m, "year"),
                Long.toString(Json.number(m, "tmdbId")),
                Json.text(m, "path"),
                Json.bool(m, "monitored"),
                Json.bool(m, "hasFile") ? 100 : 0,
                Json.number(m, "sizeOnDisk"));
    }
}
