package dev.hearth.downloads.transmission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskDetails;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.downloads.clients.ClientPolls;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Transmission 3.00 (rpc-version 16) to 4.x, legacy method names. Tasks are addressed by
 * {@code hashString}: Transmission's integer ids change when it restarts.
 */
final class TransmissionClient implements DownloadClient {

    private static final List<String> TASK_FIELDS = List.of(
            "hashString",
            "name",
            "status",
            "error",
            "errorString",
            "percentDone",
            "metadataPercentComplete",
            "totalSize",
            "haveValid",
            "rateDownload",
            "rateUpload",
            "eta",
            "uploadRatio",
            "peersSendingToUs",
            "peersGettingFromUs",
            "downloadDir",
            "labels",
            "addedDate",
            "doneDate");
    private static final List<String> DETAIL_FIELDS =
            concat(TASK_FIELDS, List.of("files", "fileStats", "trackerStats", "peers"));
    /** rpc-version 17 (Transmission 4.0) added labels, which is where a category goes. */
    private static final int LABELS_SINCE = 17;

    private final TransmissionRpc rpc;
    private final Clock clock;
    private final AtomicInteger rpcVersion = new AtomicInteger(); // 0 until asked

    TransmissionClient(TransmissionRpc rpc, Clock clock) {
        this.rpc = rpc;
        this.clock = clock;
    }

    @Override
    public String serviceName() {
        return rpc.upstream();
    }

    @Override
    public String kind() {
        return TransmissionKind.ID;
    }

    @Override
    public Reading poll() {
        return ClientPolls.poll(this, clock, "Transmission");
    }

    @Override
    public List<DownloadTask> list() {
        List<DownloadTask> tasks = new ArrayList<>();
        for (JsonNode t : rpc.call("torrent-get", Map.of("fields", TASK_FIELDS)).path("torrents")) {
            tasks.add(task(t));
        }
        return tasks;
    }

    @Override
    public Optional<TaskDetails> details(String id) {
        JsonNode found = rpc.call("torrent-get", Map.of("ids", List.of(id), "fields", DETAIL_FIELDS))
                .path("torrents");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode t = found.get(0);
        List<TaskDetails.FileEntry> files = new ArrayList<>();
        JsonNode stats = t.path("fileStats");
        for (int i = 0; i < t.path("files").size(); i++) {
            JsonNode f = t.path("files").get(i);
            long length = f.path("length").asLong();
            files.add(new TaskDetails.FileEntry(
                    f.path("name").asText(),
                    length,
                    length == 0 ? 100 : 100.0 * f.path("bytesCompleted").asLong() / length,
                    stats.path(i).path("priority").asInt()));
        }
        List<TaskDetails.Tracker> trackers = new ArrayList<>();
        for (JsonNode tr : t.path("trackerStats")) {
            trackers.add(new TaskDetails.Tracker(
                    tr.path("announce").asText(),
                    trackerState(tr.path("announceState").asInt()),
                    Math.max(0, tr.path("seederCount").asInt())
                            + Math.max(0, tr.path("leecherCount").asInt()),
                    tr.path("lastAnnounceResult").asText()));
        }
        List<TaskDetails.Peer> peers = new ArrayList<>();
        for (JsonNode p : t.path("peers")) {
            peers.add(new TaskDetails.Peer(
                    p.path("address").asText() + ":" + p.path("port").asInt(),
                    p.path("clientName").asText(),
                    p.path("progress").asDouble() * 100,
                    p.path("rateToClient").asLong(),
                    p.path("rateToPeer").asLong(),
                    ""));
        }
        return Optional.of(new TaskDetails(task(t), files, trackers, peers));
    }

    @Override
    public String add(AddRequest request) {
        Map<String, Object> args = new LinkedHashMap<>();
        switch (request.source()) {
            case AddRequest.Source.Url url -> args.put("filename", url.url());
            case AddRequest.Source.TorrentFile file ->
                args.put("metainfo", Base64.getEncoder().encodeToString(file.data()));
        }
        String savePath = request.savePath();
        if (savePath != null && !savePath.isBlank()) {
            args.put("download-dir", savePath);
        }
        String category = request.category();
        if (category != null && !category.isBlank() && rpcVersion() >= LABELS_SINCE) {
            args.put("labels", List.of(category));
        }
        JsonNode answer = rpc.call("torrent-add", args);
        // An already present torrent is "torrent-duplicate", with result success: the add is done either way.
        JsonNode added = answer.has("torrent-added") ? answer.path("torrent-added") : answer.path("torrent-duplicate");
        String hash = added.path("hashString").asText("");
        if (hash.isEmpty()) {
            throw new UpstreamException.BadResponse(
                    rpc.upstream(), "Transmission torrent-add answered no torrent", null);
        }
        return hash;
    }

    @Override
    public void pause(String id) {
        rpc.call("torrent-stop", Map.of("ids", List.of(id)));
    }

    @Override
    public void resume(String id) {
        rpc.call("torrent-start", Map.of("ids", List.of(id)));
    }

    @Override
    public void remove(String id, boolean deleteData) {
        rpc.call("torrent-remove", Map.of("ids", List.of(id), "delete-local-data", deleteData));
    }

    @Override
    public ClientStats stats() {
        JsonNode session = session();
        JsonNode s = rpc.call("session-stats", Map.of());
        JsonNode current = s.path("current-stats");
        long free = rpc.call(
                        "free-space",
                        Map.of("path", session.path("download-dir").asText()))
                .path("size-bytes")
                .asLong(-1);
        int connections = 0;
        for (JsonNode t : rpc.call("torrent-get", Map.of("fields", List.of("peersConnected")))
                .path("torrents")) {
            connections += t.path("peersConnected").asInt();
        }
        return new ClientStats(
                session.path("version").asText(),
                s.path("downloadSpeed").asLong(),
                s.path("uploadSpeed").asLong(),
                current.path("downloadedBytes").asLong(),
                current.path("uploadedBytes").asLong(),
                0,
                connections,
                free);
    }

    private DownloadTask task(JsonNode t) {
        double done = t.path("percentDone").asDouble();
        boolean hasMetadata = t.path("metadataPercentComplete").asDouble() >= 1;
        int error = t.path("error").asInt();
        TaskStatus status =
                TransmissionStates.of(t.path("status").asInt(), error, hasMetadata, hasMetadata && done >= 1);
        JsonNode labels = t.path("labels");
        long eta = t.path("eta").asLong(-1);
        return new DownloadTask(
                t.path("hashString").asText(),
                t.path("name").asText(),
                DownloadTask.Type.TORRENT,
                status,
                done * 100,
                t.path("totalSize").asLong(),
                t.path("haveValid").asLong(),
                t.path("rateDownload").asLong(),
                t.path("rateUpload").asLong(),
                eta < 0 ? -1 : eta, // -1 not available, -2 unknown
                Math.max(0, t.path("uploadRatio").asDouble()),
                t.path("peersSendingToUs").asInt(),
                t.path("peersGettingFromUs").asInt(),
                t.path("downloadDir").asText(),
                labels.isArray() && !labels.isEmpty() ? labels.get(0).asText() : "",
                epoch(t.path("addedDate").asLong()),
                epoch(t.path("doneDate").asLong()),
                error != 0 ? t.path("errorString").asText() : null);
    }

    private static @Nullable Instant epoch(long seconds) {
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
    }

    private static String trackerState(int announceState) {
        return switch (announceState) {
            case 0 -> "inactive";
            case 1 -> "waiting";
            case 2 -> "queued";
            case 3 -> "announcing";
            default -> "unknown";
        };
    }

    private JsonNode session() {
        JsonNode s = rpc.call("session-get", Map.of());
        rpcVersion.set(s.path("rpc-version").asInt());
        return s;
    }

    private int rpcVersion() {
        int v = rpcVersion.get();
        return v != 0 ? v : session().path("rpc-version").asInt();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
