package dev.hearth.media.arr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.CommandStatus;
import dev.hearth.media.HistoryEntry;
import dev.hearth.media.ManagerStatus;
import dev.hearth.media.QualityProfile;
import dev.hearth.media.QueueEntry;
import dev.hearth.media.RootFolder;
import dev.hearth.media.clients.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The shapes the *arr apps answer alike (Lidarr and Readarr name their own import events); {@code titleId} is seriesId or movieId. */
public final class ArrShapes {

    private ArrShapes() {}

    public static ManagerStatus status(JsonNode s) {
        return new ManagerStatus(Json.text(s, "appName"), Json.text(s, "version"), Json.text(s, "instanceName"));
    }

    public static QualityProfile profile(JsonNode p) {
        return new QualityProfile(Json.integer(p, "id"), Json.text(p, "name"));
    }

    public static RootFolder rootFolder(JsonNode f) {
        return new RootFolder(Json.integer(f, "id"), Json.text(f, "path"), Json.number(f, "freeSpace"));
    }

    public static QueueEntry queueEntry(JsonNode q, String titleId) {
        List<String> messages = new ArrayList<>();
        q.path("statusMessages").forEach(m -> m.path("messages").forEach(t -> messages.add(t.asText())));
        return new QueueEntry(
                Json.integer(q, "id"),
                Json.text(q, "title"),
                Json.integerOrNull(q, titleId),
                Json.text(q, "status"),
                Json.text(q, "trackedDownloadState"),
                Json.number(q, "size"),
                Json.number(q, "sizeleft"),
                Json.instant(q, "estimatedCompletionTime"),
                Json.text(q, "downloadClient"),
                Json.text(q, "downloadId"),
                messages);
    }

    public static HistoryEntry historyEntry(JsonNode h, String titleId) {
        HistoryEntry.Event event = switch (Json.text(h, "eventType")) {
            case "grabbed" -> HistoryEntry.Event.GRABBED;
            case "downloadFolderImported",
                    "seriesFolderImported",
                    "movieFolderImported",
                    "downloadImported",
                    "trackFileImported",
                    "bookFileImported",
                    "artistFolderImported",
                    "authorFolderImported" -> HistoryEntry.Event.IMPORTED;
            case "downloadFailed" -> HistoryEntry.Event.FAILED;
            case "episodeFileDeleted", "movieFileDeleted", "trackFileDeleted", "bookFileDeleted" ->
                HistoryEntry.Event.DELETED;
            case "episodeFileRenamed", "movieFileRenamed", "trackFileRenamed", "bookFileRenamed" ->
                HistoryEntry.Event.RENAMED;
            case "downloadIgnored" -> HistoryEntry.Event.IGNORED;
            default -> HistoryEntry.Event.OTHER;
        };
        Instant date = Json.instant(h, "date");
        return new HistoryEntry(
                date == null ? Instant.EPOCH : date,
                event,
                Json.text(h, "sourceTitle"),
                Json.integerOrNull(h, titleId),
                Json.text(h.path("quality").path("quality"), "name"),
                Json.text(h, "downloadId"));
    }

    public static CommandStatus command(JsonNode c) {
        return new CommandStatus(
                Json.integer(c, "id"), Json.text(c, "name"), Json.text(c, "status"), Json.instant(c, "queued"));
    }

    /** A lookup result's id is 0 (or absent) when the app does not have the title yet. */
    public static @Nullable Integer managedId(JsonNode item) {
        int id = Json.integer(item, "id");
        return id > 0 ? id : null;
    }
}
