package dev.hearth.downloads.qbittorrent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.downloads.ActiveDownloadsLimit;
import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.SpeedLimits;
import dev.hearth.downloads.TaskDetails;
import dev.hearth.downloads.clients.ClientPolls;
import dev.hearth.downloads.clients.InfoHash;
import dev.hearth.platform.http.MultipartPart;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** qBittorrent's Web API v2, for 4.x (Debian 12 ships 4.5.2) and 5.x alike. */
final class QbittorrentClient implements DownloadClient, SpeedLimits, ActiveDownloadsLimit {

    private static final String API = "api/v2/";
    /** qBittorrent's "infinite" eta (100 days). */
    private static final long ETA_INFINITE = 8_640_000;

    private final UpstreamClient http;
    private final Clock clock;
    private final Duration timeout;
    /** The server state of the last {@code sync/maindata} answer and its rid, for the next incremental ask. */
    private record ServerState(long rid, com.fasterxml.jackson.databind.node.ObjectNode fields) {}

    private final AtomicReference<ServerState> serverState = new AtomicReference<>(
            new ServerState(0, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
    /** Web API version, asked once; cleared when an endpoint is missing (the daemon was up- or downgraded). */
    private final AtomicReference<@Nullable WebApiVersion> apiVersion = new AtomicReference<>();

    QbittorrentClient(UpstreamClient http, Clock clock, Duration timeout) {
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public String serviceName() {
        return http.name();
    }

    @Override
    public String kind() {
        return QbittorrentKind.ID;
    }

    @Override
    public Reading poll() {
        return ClientPolls.poll(this, clock, "qBittorrent");
    }

    @Override
    public List<DownloadTask> list() {
        TorrentInfo[] torrents = http.getJson(API + "torrents/info?filter=all", TorrentInfo[].class);
        List<DownloadTask> tasks = new ArrayList<>(torrents.length);
        for (TorrentInfo t : torrents) {
            tasks.add(task(t));
        }
        return tasks;
    }

    @Override
    public Optional<TaskDetails> details(String id) {
        TorrentInfo[] found = http.getJson(API + "torrents/info?hashes=" + id, TorrentInfo[].class);
        if (found.length == 0) {
            return Optional.empty();
        }
        List<TaskDetails.FileEntry> files = new ArrayList<>();
        for (JsonNode f : http.getJson(API + "torrents/files?hash=" + id)) {
            files.add(new TaskDetails.FileEntry(
                    f.path("name").asText(),
                    f.path("size").asLong(),
                    f.path("progress").asDouble() * 100,
                    f.path("priority").asInt()));
        }
        List<TaskDetails.Tracker> trackers = new ArrayList<>();
        for (JsonNode t : http.getJson(API + "torrents/trackers?hash=" + id)) {
            trackers.add(new TaskDetails.Tracker(
                    t.path("url").asText(),
                    trackerStatus(t.path("status").asInt()),
                    Math.max(0, t.path("num_peers").asInt()),
                    t.path("msg").asText()));
        }
        List<TaskDetails.Peer> peers = new ArrayList<>();
        http.getJson(API + "sync/torrentPeers?rid=0&hash=" + id)
                .path("peers")
                .properties()
                .forEach(e -> {
                    JsonNode p = e.getValue();
                    peers.add(new TaskDetails.Peer(
                            e.getKey(),
                            p.path("client").asText(),
                            p.path("progress").asDouble() * 100,
                            p.path("dl_speed").asLong(),
                            p.path("up_speed").asLong(),
                            p.path("country").asText()));
                });
        return Optional.of(new TaskDetails(task(found[0]), files, trackers, peers));
    }

    @Override
    public String add(AddRequest request) {
        List<MultipartPart> parts = new ArrayList<>();
        @Nullable String id;
        switch (request.source()) {
            case AddRequest.Source.Url url -> {
                id = InfoHash.isMagnet(url.url())
                        ? InfoHash.ofMagnet(url.url())
                                .orElseThrow(() -> new IllegalArgumentException("the magnet link has no btih"))
                        : null;
                parts.add(MultipartPart.field("urls", url.url()));
            }
            case AddRequest.Source.TorrentFile file -> {
                id = InfoHash.ofTorrent(file.data());
                parts.add(MultipartPart.file("torrents", file.filename(), "application/x-bittorrent", file.data()));
            }
        }
        String category = request.category();
        if (category != null && !category.isBlank()) {
            ensureCategory(category);
            parts.add(MultipartPart.field("category", category));
        }
        String savePath = request.savePath();
        if (savePath != null && !savePath.isBlank()) {
            parts.add(MultipartPart.field("savepath", savePath));
        }
        // A .torrent behind a URL: its hash is only known once qBittorrent has fetched it.
        Set<String> before = id == null ? hashes() : Set.of();
        UpstreamResponse r = http.successful(http.send(UpstreamRequest.multipart(API + "torrents/add", parts)));
        if (r.text().strip().equals("Fails.")) {
            // 4.x also answers "Fails." for a torrent it already has; adding is then already done.
            if (id != null && !http.getJson(API + "torrents/info?hashes=" + id).isEmpty()) {
                return id;
            }
            throw new UpstreamException.BadResponse(
                    http.name(), "qBittorrent refused the torrent (not a valid torrent or link)", null);
        }
        return id != null ? id : awaitNewHash(before);
    }

    @Override
    public void pause(String id) {
        command(webApi().hasStartStop() ? "torrents/stop" : "torrents/pause", Map.of("hashes", id));
    }

    @Override
    public void resume(String id) {
        command(webApi().hasStartStop() ? "torrents/start" : "torrents/resume", Map.of("hashes", id));
    }

    @Override
    public void remove(String id, boolean deleteData) {
        command("torrents/delete", Map.of("hashes", id, "deleteFiles", Boolean.toString(deleteData)));
    }

    /** Tells qBittorrent about a peer ({@code host:port}); the only way to find one with DHT, PeX and LSD off. */
    void addPeer(String id, String peer) {
        command("torrents/addPeers", Map.of("hashes", id, "peers", peer));
    }

    /**
     * The transfer figures from {@code sync/maindata}, asked incrementally: the first answer (rid 0) is the full
     * state, every torrent included, and later ones carry only what changed since the rid they name, so a poll
     * of a client with a thousand idle torrents reads a few bytes instead of all of them again.
     */
    @Override
    public ClientStats stats() {
        String version = text("app/version");
        ServerState before = serverState.get();
        JsonNode main = http.getJson(API + "sync/maindata?rid=" + before.rid());
        com.fasterxml.jackson.databind.node.ObjectNode s =
                main.path("full_update").asBoolean(false) || before.rid() == 0
                        ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        : before.fields().deepCopy();
        main.path("server_state").properties().forEach(e -> s.set(e.getKey(), e.getValue()));
        serverState.set(new ServerState(main.path("rid").asLong(0), s));
        return new ClientStats(
                version,
                s.path("dl_info_speed").asLong(),
                s.path("up_info_speed").asLong(),
                s.path("dl_info_data").asLong(),
                s.path("up_info_data").asLong(),
                s.path("dht_nodes").asLong(),
                s.path("total_peer_connections").asInt(),
                s.path("free_space_on_disk").asLong(-1));
    }

    // ---- limits: qBittorrent counts bytes/s; 0 (transfer/) or -1 (a torrent's) is no limit

    @Override
    public Limits globalLimits() {
        return new Limits(
                kib(Long.parseLong(text("transfer/downloadLimit"))), kib(Long.parseLong(text("transfer/uploadLimit"))));
    }

    @Override
    public void setGlobalLimits(Limits limits) {
        command("transfer/setDownloadLimit", Map.of("limit", Long.toString(limits.downloadKiBps() * 1024)));
        command("transfer/setUploadLimit", Map.of("limit", Long.toString(limits.uploadKiBps() * 1024)));
    }

    @Override
    public Limits taskLimits(String id) {
        JsonNode found = http.getJson(API + "torrents/info?hashes=" + id);
        if (found.isEmpty())
            throw new UpstreamException.BadResponse(http.name(), "qBittorrent has no torrent " + id, null);
        return new Limits(
                kib(found.get(0).path("dl_limit").asLong()),
                kib(found.get(0).path("up_limit").asLong()));
    }

    @Override
    public void setTaskLimits(String id, Limits limits) {
        command(
                "torrents/setDownloadLimit",
                Map.of("hashes", id, "limit", Long.toString(limits.downloadKiBps() * 1024)));
        command("torrents/setUploadLimit", Map.of("hashes", id, "limit", Long.toString(limits.uploadKiBps() * 1024)));
    }

    @Override
    public int maxActiveDownloads() {
        JsonNode p = http.getJson(API + "app/preferences");
        return p.path("queueing_enabled").asBoolean()
                ? Math.max(0, p.path("max_active_downloads").asInt())
                : 0;
    }

    @Override
    public void setMaxActiveDownloads(int max) {
        // Stalled torrents count too, or a queue of magnets nobody seeds would all run; the overall cap of active
        // torrents is raised where it would bind first.
        int activeTorrents = http.getJson(API + "app/preferences")
                .path("max_active_torrents")
                .asInt(-1);
        String json = max > 0
                ? "{\"queueing_enabled\":true,\"dont_count_slow_torrents\":false,\"max_active_downloads\":" + max
                        + (activeTorrents >= 0 && activeTorrents < max ? ",\"max_active_torrents\":" + max : "")
                        + "}"
                : "{\"queueing_enabled\":false}";
        command("app/setPreferences", Map.of("json", json));
    }

    private static long kib(long bytesPerSecond) {
        return SpeedLimits.orUnlimited(bytesPerSecond) / 1024;
    }

    private DownloadTask task(TorrentInfo t) {
        String state = orEmpty(t.state());
        var status = QbittorrentStates.of(state);
        long eta = t.eta() == null ? -1 : t.eta();
        return new DownloadTask(
                orEmpty(t.hash()),
                orEmpty(t.name()),
                DownloadTask.Type.TORRENT,
                status,
                t.progress() * 100,
                t.size(),
                t.completed(),
                t.dlspeed(),
                t.upspeed(),
                eta >= ETA_INFINITE || eta < 0 ? -1 : eta,
                t.ratio(),
                t.numSeeds(),
                t.numLeechs(),
                orEmpty(t.savePath()),
                orEmpty(t.category()),
                epoch(t.addedOn()),
                epoch(t.completionOn()),
                status == dev.hearth.downloads.TaskStatus.FAILED ? "qBittorrent reports " + state : null);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable Instant epoch(long seconds) {
        // qBittorrent uses 0 or -1 (by version) for "not yet".
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
    }

    private static String trackerStatus(int status) {
        return switch (status) {
            case 0 -> "disabled";
            case 1 -> "not contacted";
            case 2 -> "working";
            case 3 -> "updating";
            case 4 -> "not working";
            default -> "unknown";
        };
    }

    private void command(String method, Map<String, String> form) {
        UpstreamResponse r = http.postForm(API + method, form);
        if (r.status() == 404) {
            // The start/stop names changed in 5.0: ask the version again on the next call.
            apiVersion.set(null);
        }
        http.successful(r);
    }

    private void ensureCategory(String category) {
        if (http.getJson(API + "torrents/categories").has(category)) {
            return;
        }
        UpstreamResponse r =
                http.postForm(API + "torrents/createCategory", Map.of("category", category, "savePath", ""));
        if (r.status() != 409) { // 409: someone created it meanwhile
            http.successful(r);
        }
    }

    private Set<String> hashes() {
        Set<String> hashes = new HashSet<>();
        http.getJson(API + "torrents/info?filter=all")
                .forEach(t -> hashes.add(t.path("hash").asText()));
        return hashes;
    }

    private String awaitNewHash(Set<String> before) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (String h : hashes()) {
                if (!before.contains(h)) {
                    return h;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new UpstreamException.Timeout(
                http.name(),
                "qBittorrent accepted the link but showed no new torrent within " + timeout.toMillis()
                        + " ms; the link may not point to a torrent",
                null);
    }

    private WebApiVersion webApi() {
        WebApiVersion v = apiVersion.get();
        if (v == null) {
            v = WebApiVersion.parse(text("app/webapiVersion"));
            apiVersion.set(v);
        }
        return v;
    }

    private String text(String method) {
        return http.successful(http.get(API + method)).text().strip();
    }
}
