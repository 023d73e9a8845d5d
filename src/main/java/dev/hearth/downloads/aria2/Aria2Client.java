package dev.hearth.downloads.aria2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadRoots;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskDetails;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.downloads.clients.ClientPolls;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * aria2 1.x over JSON-RPC: torrents, magnets and direct http/https/ftp links. Ids are aria2's gids.
 * aria2 has no categories (the category of a request is not kept) and no add or completion times.
 */
final class Aria2Client implements DownloadClient {

    private static final List<String> KEYS = List.of(
            "gid",
            "status",
            "totalLength",
            "completedLength",
            "uploadLength",
            "downloadSpeed",
            "uploadSpeed",
            "connections",
            "numSeeders",
            "seeder",
            "dir",
            "files",
            "bittorrent",
            "infoHash",
            "errorMessage",
            "followedBy");
    /** How many waiting and stopped downloads one list() reads; aria2 keeps 1000 stopped results by default. */
    private static final int PAGE = 1000;

    private static final Set<String> RUNNING = Set.of("active", "waiting", "paused");

    private final Aria2Rpc rpc;
    private final Clock clock;
    private final Duration timeout;
    private final Supplier<DownloadRoots> roots;

    Aria2Client(Aria2Rpc rpc, Clock clock, Duration timeout, Supplier<DownloadRoots> roots) {
        this.rpc = rpc;
        this.clock = clock;
        this.timeout = timeout;
        this.roots = roots;
    }

    @Override
    public String serviceName() {
        return rpc.upstream();
    }

    @Override
    public String kind() {
        return Aria2Kind.ID;
    }

    @Override
    public Reading poll() {
        return ClientPolls.poll(this, clock, "aria2");
    }

    @Override
    public List<DownloadTask> list() {
        List<DownloadTask> tasks = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        rpc.call("aria2.tellActive", KEYS).forEach(all::add);
        rpc.call("aria2.tellWaiting", 0, PAGE, KEYS).forEach(all::add);
        rpc.call("aria2.tellStopped", 0, PAGE, KEYS).forEach(all::add);
        // A magnet is added as a metadata download (the gid add() answered, which is the task's id) that,
        // once complete, hands over to the data download (followedBy, a new gid): report the latter under
        // the former's gid, so the task keeps its id, its owner and its one completion.
        Map<String, String> addedAs = new java.util.HashMap<>();
        for (JsonNode s : all) {
            if (handedOver(s)) {
                for (JsonNode follower : s.path("followedBy")) {
                    addedAs.put(follower.asText(), s.path("gid").asText());
                }
            }
        }
        for (JsonNode s : all) {
            if (s.path("status").asText().equals("removed") || handedOver(s)) {
                continue;
            }
            String id = s.path("gid").asText();
            for (int hops = 0; hops < 4 && addedAs.containsKey(id); hops++) {
                id = addedAs.get(id);
            }
            tasks.add(Aria2Tasks.task(s, id));
        }
        return tasks;
    }

    private static boolean handedOver(JsonNode s) {
        return s.path("status").asText().equals("complete")
                && !s.path("followedBy").isEmpty();
    }

    /** The gid that does the work now for a task id: a magnet's metadata gid leads to its data download's gid. */
    private String current(String id) {
        String at = id;
        for (int hops = 0; hops < 4; hops++) {
            Aria2Rpc.Reply r = rpc.send("aria2.tellStatus", at, List.of("status", "followedBy"));
            if (!r.ok() || !handedOver(r.result())) {
                return at;
            }
            at = r.result().path("followedBy").path(0).asText();
        }
        return at;
    }

    @Override
    public Optional<TaskDetails> details(String taskId) {
        String id = current(taskId);
        Aria2Rpc.Reply reply = rpc.send("aria2.tellStatus", id);
        if (!reply.ok()) {
            return Optional.empty(); // "GID … is not found"
        }
        JsonNode s = reply.result();
        List<TaskDetails.FileEntry> files = new ArrayList<>();
        for (JsonNode f : s.path("files")) {
            long length = f.path("length").asLong();
            files.add(new TaskDetails.FileEntry(
                    f.path("path").asText(),
                    length,
                    length == 0 ? 0 : 100.0 * f.path("completedLength").asLong() / length,
                    f.path("selected").asBoolean() ? 1 : 0));
        }
        List<TaskDetails.Tracker> trackers = new ArrayList<>();
        for (JsonNode tier : s.path("bittorrent").path("announceList")) {
            for (JsonNode url : tier) {
                trackers.add(new TaskDetails.Tracker(url.asText(), "", 0, ""));
            }
        }
        List<TaskDetails.Peer> peers = new ArrayList<>();
        if (s.has("bittorrent")) {
            for (JsonNode p : rpc.call("aria2.getPeers", id)) {
                peers.add(new TaskDetails.Peer(
                        p.path("ip").asText() + ":" + p.path("port").asText(),
                        "",
                        p.path("seeder").asBoolean() ? 100 : 0,
                        p.path("downloadSpeed").asLong(),
                        p.path("uploadSpeed").asLong(),
                        ""));
            }
        }
        return Optional.of(new TaskDetails(Aria2Tasks.task(s, taskId), files, trackers, peers));
    }

    @Override
    public String add(AddRequest request) {
        Map<String, String> options = new LinkedHashMap<>(); // aria2 wants every option value as a string
        String savePath = request.savePath();
        if (savePath != null && !savePath.isBlank()) {
            options.put("dir", savePath);
        }
        return switch (request.source()) {
            case AddRequest.Source.Url url ->
                rpc.call("aria2.addUri", List.of(url.url()), options).asText();
            case AddRequest.Source.TorrentFile file -> {
                // Verify data already on disk rather than download it again.
                options.put("check-integrity", "true");
                yield rpc.call("aria2.addTorrent", Base64.getEncoder().encodeToString(file.data()), List.of(), options)
                        .asText();
            }
        };
    }

    @Override
    public void pause(String id) {
        rpc.call("aria2.pause", current(id));
    }

    @Override
    public void resume(String id) {
        rpc.call("aria2.unpause", current(id));
    }

    /**
     * Stops the download, forgets its result and, if asked, deletes its files: aria2 itself never
     * deletes data. Only files inside the configured download roots are deleted (the directory aria2
     * reports is no yardstick: it is whatever the download was added with), which assumes aria2 shares
     * its filesystem with Hearth.
     */
    @Override
    public void remove(String taskId, boolean deleteData) {
        String id = current(taskId);
        if (!id.equals(taskId)) {
            rpc.send("aria2.removeDownloadResult", taskId); // the finished metadata download
        }
        Aria2Rpc.Reply found = rpc.send("aria2.tellStatus", id, List.of("status", "dir", "files", "bittorrent"));
        if (!found.ok()) {
            return; // already gone
        }
        if (RUNNING.contains(found.result().path("status").asText())) {
            rpc.call("aria2.forceRemove", id);
            awaitStopped(id);
        }
        rpc.send("aria2.removeDownloadResult", id);
        if (deleteData) {
            Aria2Files.delete(found.result(), roots.get());
        }
    }

    @Override
    public ClientStats stats() {
        JsonNode g = rpc.call("aria2.getGlobalStat");
        String version = rpc.call("aria2.getVersion").path("version").asText();
        int connections = 0;
        for (JsonNode s : rpc.call("aria2.tellActive", List.of("connections"))) {
            connections += s.path("connections").asInt();
        }
        // aria2 reports no session totals and no free space.
        return new ClientStats(
                version, g.path("downloadSpeed").asLong(), g.path("uploadSpeed").asLong(), 0, 0, 0, connections, -1);
    }

    /** forceRemove returns at once; the download leaves "active" a moment later. */
    private void awaitStopped(String id) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Aria2Rpc.Reply s = rpc.send("aria2.tellStatus", id, List.of("status"));
            if (!s.ok() || !RUNNING.contains(s.result().path("status").asText())) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static boolean isMetadataOnly(JsonNode s) {
        return s.has("bittorrent") && !s.path("bittorrent").has("info");
    }

    static TaskStatus status(JsonNode s) {
        long total = s.path("totalLength").asLong();
        boolean seeding = s.path("seeder").asBoolean()
                || (s.has("bittorrent")
                        && total > 0
                        && s.path("completedLength").asLong() == total);
        return Aria2States.of(s.path("status").asText(), isMetadataOnly(s), seeding);
    }
}
