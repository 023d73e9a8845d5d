package dev.hearth.downloads.deluge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskDetails;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.downloads.clients.ClientPolls;
import dev.hearth.downloads.clients.InfoHash;
import dev.hearth.platform.http.UpstreamClient;
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
import org.jspecify.annotations.Nullable;

/** Deluge 2.x through deluge-web's JSON-RPC, which proxies the daemon's {@code core.*} calls. */
final class DelugeClient implements DownloadClient {

    private static final List<String> TASK_KEYS = List.of(
            "name",
            "state",
            "progress",
            "total_size",
            "total_done",
            "download_payload_rate",
            "upload_payload_rate",
            "eta",
            "ratio",
            "num_seeds",
            "num_peers",
            "download_location",
            "time_added",
            "completed_time",
            "label",
            "message",
            "is_finished");
    private static final List<String> DETAIL_KEYS = concat(
            TASK_KEYS, List.of("files", "file_progress", "file_priorities", "trackers", "tracker_status", "peers"));

    private final UpstreamClient http;
    private final DelugeRpc rpc;
    private final Clock clock;

    DelugeClient(UpstreamClient http, DelugeRpc rpc, Clock clock) {
        this.http = http;
        this.rpc = rpc;
        this.clock = clock;
    }

    @Override
    public String serviceName() {
        return http.name();
    }

    @Override
    public String kind() {
        return DelugeKind.ID;
    }

    @Override
    public Reading poll() {
        return ClientPolls.poll(this, clock, "Deluge");
    }

    @Override
    public List<DownloadTask> list() {
        List<DownloadTask> tasks = new ArrayList<>();
        call("core.get_torrents_status", Map.of(), TASK_KEYS)
                .properties()
                .forEach(e -> tasks.add(task(e.getKey(), e.getValue())));
        return tasks;
    }

    @Override
    public Optional<TaskDetails> details(String id) {
        JsonNode s = call("core.get_torrent_status", id, DETAIL_KEYS);
        if (s.isEmpty()) {
            return Optional.empty(); // Deluge answers {} for a hash it does not have
        }
        List<TaskDetails.FileEntry> files = new ArrayList<>();
        JsonNode progress = s.path("file_progress");
        JsonNode priorities = s.path("file_priorities");
        for (JsonNode f : s.path("files")) {
            int index = f.path("index").asInt();
            files.add(new TaskDetails.FileEntry(
                    f.path("path").asText(),
                    f.path("size").asLong(),
                    progress.path(index).asDouble() * 100,
                    priorities.path(index).asInt()));
        }
        List<TaskDetails.Tracker> trackers = new ArrayList<>();
        for (JsonNode t : s.path("trackers")) {
            // Deluge reports one status for the torrent (the tracker it last spoke to), not one per tracker.
            trackers.add(new TaskDetails.Tracker(
                    t.path("url").asText(), s.path("tracker_status").asText(), 0, ""));
        }
        List<TaskDetails.Peer> peers = new ArrayList<>();
        for (JsonNode p : s.path("peers")) {
            peers.add(new TaskDetails.Peer(
                    p.path("ip").asText(),
                    p.path("client").asText(),
                    p.path("progress").asDouble() * 100,
                    p.path("down_speed").asLong(),
                    p.path("up_speed").asLong(),
                    p.path("country").asText()));
        }
        return Optional.of(new TaskDetails(task(id, s), files, trackers, peers));
    }

    @Override
    public String add(AddRequest request) {
        Map<String, Object> options = new LinkedHashMap<>();
        String savePath = request.savePath();
        if (savePath != null && !savePath.isBlank()) {
            options.put("download_location", savePath);
        }
        String id = switch (request.source()) {
            case AddRequest.Source.Url url
            when InfoHash.isMagnet(url.url()) ->
                added(InfoHash.ofMagnet(url.url()).orElse(null), "core.add_torrent_magnet", url.url(), options);
            case AddRequest.Source.Url url -> added(null, "core.add_torrent_url", url.url(), options);
            case AddRequest.Source.TorrentFile file ->
                added(
                        InfoHash.ofTorrent(file.data()),
                        "core.add_torrent_file",
                        file.filename(),
                        Base64.getEncoder().encodeToString(file.data()),
                        options);
        };
        String category = request.category();
        if (category != null && !category.isBlank()) {
            label(id, category);
        }
        return id;
    }

    @Override
    public void pause(String id) {
        call("core.pause_torrent", List.of(id));
    }

    @Override
    public void resume(String id) {
        call("core.resume_torrent", List.of(id));
    }

    @Override
    public void remove(String id, boolean deleteData) {
        call("core.remove_torrent", id, deleteData);
    }

    @Override
    public ClientStats stats() {
        String version = call("daemon.get_version").asText();
        JsonNode s = call(
                "core.get_session_status",
                List.of(
                        "payload_download_rate",
                        "payload_upload_rate",
                        "total_download",
                        "total_upload",
                        "dht_nodes",
                        "peer.num_peers_connected"));
        long free = call("core.get_free_space").asLong(-1);
        return new ClientStats(
                version,
                s.path("payload_download_rate").asLong(),
                s.path("payload_upload_rate").asLong(),
                s.path("total_download").asLong(),
                s.path("total_upload").asLong(),
                s.path("dht_nodes").asLong(),
                s.path("peer.num_peers_connected").asInt(),
                free);
    }

    /**
     * Adds, and answers the hash. An add of a torrent Deluge already has fails with "already in
     * session"; when we know the hash, the torrent is there, which is what the caller wanted.
     */
    private String added(@Nullable String knownHash, String method, Object... params) {
        DelugeRpc.Reply reply = reply(method, params);
        if (!reply.ok() && knownHash != null && reply.errorMessage().contains("already in session")) {
            return knownHash;
        }
        JsonNode hash = DelugeRpc.result(http, method, reply);
        if (!hash.isTextual()) {
            throw new UpstreamException.BadResponse(
                    http.name(), "Deluge " + method + " added nothing (is it a valid torrent?)", null);
        }
        return hash.asText();
    }

    /** A category is a Label-plugin label; without the plugin (code 2, unknown method) it is skipped. */
    private void label(String id, String category) {
        String label = category.toLowerCase(java.util.Locale.ROOT); // the plugin only accepts lower case
        DelugeRpc.Reply set = reply("label.set_torrent", id, label);
        if (set.ok() || set.errorCode() == DelugeRpc.UNKNOWN_METHOD) {
            return;
        }
        reply("label.add", label); // an "already exists" failure is fine
        DelugeRpc.result(http, "label.set_torrent", reply("label.set_torrent", id, label));
    }

    private DownloadTask task(String id, JsonNode s) {
        boolean finished = s.path("is_finished").asBoolean();
        long totalSize = s.path("total_size").asLong();
        TaskStatus status = DelugeStates.of(s.path("state").asText(), finished, totalSize);
        long eta = s.path("eta").asLong();
        String message = s.path("message").asText();
        return new DownloadTask(
                id,
                s.path("name").asText(),
                DownloadTask.Type.TORRENT,
                status,
                s.path("progress").asDouble(), // already 0–100
                totalSize,
                s.path("total_done").asLong(),
                s.path("download_payload_rate").asLong(),
                s.path("upload_payload_rate").asLong(),
                eta > 0 ? eta : (finished ? 0 : -1), // Deluge says 0 for "unknown" too
                Math.max(0, s.path("ratio").asDouble()),
                s.path("num_seeds").asInt(),
                s.path("num_peers").asInt(),
                s.path("download_location").asText(),
                s.path("label").asText(""),
                epoch(s.path("time_added").asLong()),
                epoch(s.path("completed_time").asLong()),
                status == TaskStatus.FAILED ? message : null);
    }

    private static @Nullable Instant epoch(long seconds) {
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
    }

    private JsonNode call(String method, Object... params) {
        return DelugeRpc.result(http, method, reply(method, params));
    }

    /**
     * One call; a {@code core.*} call that finds deluge-web without a daemon (it restarted, or the
     * daemon did) connects it and is sent once more. That call did not run, so repeating it is safe.
     */
    private DelugeRpc.Reply reply(String method, Object... params) {
        DelugeRpc.Reply reply = rpc.send(http, method, params);
        if (reply.errorCode() == DelugeRpc.UNKNOWN_METHOD
                && !method.startsWith("web.")
                && DelugeLogin.connectDaemon(rpc, http)) {
            return rpc.send(http, method, params);
        }
        return reply;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
