package dev.hearth.downloads.aria2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskStatus;

/** aria2's {@code tellStatus} object, where every number is a string, as a {@link DownloadTask}. */
final class Aria2Tasks {

    private Aria2Tasks() {}

    static DownloadTask task(JsonNode s) {
        return task(s, s.path("gid").asText());
    }

    /** Under {@code id}: a magnet's data download is reported under the gid its metadata download was added as. */
    static DownloadTask task(JsonNode s, String id) {
        long total = s.path("totalLength").asLong();
        long done = s.path("completedLength").asLong();
        long speed = s.path("downloadSpeed").asLong();
        TaskStatus status = Aria2Client.status(s);
        long eta = total > 0 && done >= total ? 0 : speed > 0 && total > 0 ? (total - done) / speed : -1;
        String error = s.path("errorMessage").asText("");
        return new DownloadTask(
                id,
                name(s),
                s.has("bittorrent") ? DownloadTask.Type.TORRENT : DownloadTask.Type.DIRECT,
                status,
                total == 0 ? (status == TaskStatus.COMPLETED ? 100 : 0) : 100.0 * done / total,
                total,
                done,
                speed,
                s.path("uploadSpeed").asLong(),
                eta,
                done == 0 ? 0 : (double) s.path("uploadLength").asLong() / done,
                s.path("numSeeders").asInt(),
                s.path("connections").asInt(),
                s.path("dir").asText(),
                "",
                null,
                null,
                status == TaskStatus.FAILED && !error.isEmpty() ? error : null);
    }

    /** The torrent's name, else the first file's name, else (a magnet without metadata) its info-hash. */
    private static String name(JsonNode s) {
        String torrentName = s.path("bittorrent").path("info").path("name").asText("");
        if (!torrentName.isEmpty()) {
            return torrentName;
        }
        JsonNode first = s.path("files").path(0);
        String path = first.path("path").asText("");
        if (path.isEmpty()) {
            path = first.path("uris").path(0).path("uri").asText("");
        }
        if (!path.isEmpty() && !path.startsWith("[METADATA]")) {
            int slash = path.lastIndexOf('/');
            String base = slash >= 0 ? path.substring(slash + 1) : path;
            int query = base.indexOf('?');
            return query >= 0 ? base.substring(0, query) : base;
        }
        return s.path("infoHash").asText(path);
    }
}
