package dev.hearth.media.arr;

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
import dev.hearth.media.MediaRejectedException;
import dev.hearth.media.TitleCandidate;
import dev.hearth.media.clients.Json;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lidarr or Readarr (API v1) as a {@link dev.hearth.media.MediaManager}: both manage a person (an artist, an
 * author) whose works (albums, books) they grab; they differ only in the words of {@link Words}. A title here
 * is the person; the calendar lists their works by release date.
 */
public final class ArrV1Manager extends ArrManager {

    /**
     * One app's vocabulary: {@code resource} (artist, author), its name field, its foreign id field and the
     * lookup prefix that finds one by that id, the add option that searches at once, the id field of queue and
     * history records, the work's nested person field in the calendar, its share-downloaded statistic, and its
     * three commands.
     */
    public record Words(
            String app,
            ManagedKind manages,
            String resource,
            String include,
            String nameField,
            String foreignIdField,
            String lookupPrefix,
            String searchNowOption,
            String idField,
            String percentStatistic,
            String refreshCommand,
            String searchCommand,
            String scanCommand) {}

    private final Words words;

    public ArrV1Manager(String kind, String serviceName, ArrApi api, Clock clock, Words words) {
        super(kind, serviceName, api, clock, words.idField());
        this.words = words;
    }

    /** The manager of one configured service of a v1 app: its API key in {@code X-Api-Key}, the media HTTP limits. */
    public static ArrV1Manager of(
            String kind, Words words, IntegrationTarget<?> target, String apiKey, KindContext context) {
        AuthStrategy auth = AuthStrategy.apiKeyHeader("X-Api-Key", apiKey);
        ArrApi api = ArrApi.v1(context.http().client(MediaSpecs.of(target, auth)), words.resource(), words.include());
        return new ArrV1Manager(kind, target.serviceName(), api, context.clock(), words);
    }

    @Override
    public ManagedKind manages() {
        return words.manages();
    }

    @Override
    public List<ManagedTitle> titles() {
        return Json.list(api.titles(), this::title);
    }

    @Override
    public List<TitleCandidate> lookup(String term) {
        return Json.list(
                api.lookup(term),
                p -> new TitleCandidate(
                        Json.text(p, words.nameField()),
                        null,
                        Json.text(p, words.foreignIdField()),
                        null,
                        ArrShapes.managedId(p),
                        Json.text(p, "overview")));
    }

    /**
     * Adds the person found by their foreign id. The v1 apps also insist on a metadata profile (which of the
     * person's works to track); Hearth takes the app's first one, as the apps' own add dialog preselects it.
     */
    @Override
    public ManagedTitle add(AddTitle request) {
        JsonNode found = api.lookup(words.lookupPrefix() + request.foreignId());
        if (!found.isArray() || found.isEmpty()) {
            throw new MediaNotFoundException(
                    words.app() + " finds no " + words.resource() + " with id " + request.foreignId());
        }
        JsonNode metadataProfiles = api.get("metadataprofile");
        if (!metadataProfiles.isArray() || metadataProfiles.isEmpty()) {
            throw new MediaRejectedException(serviceName() + " has no metadata profile to add with");
        }
        ObjectNode body = ((ObjectNode) found.get(0)).deepCopy();
        body.put("qualityProfileId", request.qualityProfileId());
        body.put("metadataProfileId", Json.integer(metadataProfiles.get(0), "id"));
        body.put("rootFolderPath", request.rootFolderPath());
        body.put("monitored", request.monitored());
        body.putObject("addOptions")
                .put("monitor", request.monitored() ? "all" : "none")
                .put(words.searchNowOption(), request.searchNow());
        return title(api.add(body));
    }

    /** Each work (album, book) released in the range is an entry, under its artist's or author's name. */
    @Override
    public List<CalendarEntry> calendar(LocalDate from, LocalDate to) {
        return Json.list(api.calendar(from, to), w -> {
            Instant released = Json.instant(w, "releaseDate");
            String person = Json.text(w.path(words.resource()), words.nameField());
            @Nullable
            Integer year = released == null
                    ? null
                    : LocalDate.ofInstant(released, ZoneOffset.UTC).getYear();
            MediaItem item = words.manages() == ManagedKind.MUSIC
                    ? MediaItem.album(person, Json.text(w, "title"), year)
                    : MediaItem.book(person, Json.text(w, "title"), year);
            return new CalendarEntry(
                    released == null ? Instant.EPOCH : released,
                    item,
                    "release",
                    w.path("statistics").path(words.percentStatistic()).asDouble(0) >= 100,
                    Json.bool(w, "monitored"));
        });
    }

    @Override
    public CommandStatus command(ManagerCommand command) {
        Map<String, Object> body = switch (command) {
            case ManagerCommand.Refresh r ->
                Map.of("name", words.refreshCommand(), words.idField(), existing(r.titleId()));
            case ManagerCommand.Search s ->
                Map.of("name", words.searchCommand(), words.idField(), existing(s.titleId()));
            case ManagerCommand.ScanDownloads d -> Map.of("name", words.scanCommand(), "path", d.path());
        };
        return ArrShapes.command(api.command(body));
    }

    /** The apps queue a command for an unknown id and fail it later; ask first so the caller hears it now. */
    private int existing(int id) {
        api.title(id);
        return id;
    }

    private ManagedTitle title(JsonNode p) {
        JsonNode stats = p.path("statistics");
        return new ManagedTitle(
                Json.integer(p, "id"),
                Json.text(p, words.nameField()),
                null,
                Json.text(p, words.foreignIdField()),
                Json.text(p, "path"),
                Json.bool(p, "monitored"),
                stats.path(words.percentStatistic()).asDouble(0),
                Json.number(stats, "sizeOnDisk"));
    }
}
