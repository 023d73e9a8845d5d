package dev.hearth.fakes;

import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskDetails;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.downloads.clients.ClientPolls;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.Reading;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A download client in memory, with the capability's contract: ids are info-hashes (lower-case hex) for
 * torrents and gids for links. Tests drive it (complete a task, add one "outside Hearth", take it down)
 * and read what reached it from {@link #calls()}.
 */
public final class FakeDownloadClient implements DownloadClient {
    private static final Pattern BTIH = Pattern.compile("(?i)xt=urn:btih:([0-9a-f]{40})");
    private static final Pattern DN = Pattern.compile("dn=([^&]*)");

    private final String name;
    private final String kind;
    private final Map<String, DownloadTask> tasks = new LinkedHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private int gids;

    public FakeDownloadClient(String name, String kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public Reading poll() {
        return ClientPolls.poll(this, Clock.systemUTC(), "fake");
    }

    @Override
    public String serviceName() {
        return name;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public synchronized List<DownloadTask> list() {
        failIfDown();
        return List.copyOf(tasks.values());
    }

    @Override
    public synchronized Optional<TaskDetails> details(String id) {
        failIfDown();
        DownloadTask t = tasks.get(id);
        if (t == null) return Optional.empty();
        return Optional.of(new TaskDetails(
                t,
                List.of(
                        new TaskDetails.FileEntry(t.name() + "/part1.mkv", 600, t.progress(), 1),
                        new TaskDetails.FileEntry(t.name() + "/part2.mkv", 400, t.progress(), 1)),
                List.of(new TaskDetails.Tracker("udp://tracker.example.com:80", "working", 12, "")),
                List.of(new TaskDetails.Peer("192.168.1.100:51413", "qBittorrent", 0.8, 100000, 50000, "NL"))));
    }

    @Override
    public synchronized String add(AddRequest request) {
        failIfDown();
        String id;
        String taskName;
        DownloadTask.Type type = DownloadTask.Type.TORRENT;
        TaskStatus status = TaskStatus.DOWNLOADING;
        switch (request.source()) {
            case AddRequest.Source.Url u
            when u.url().startsWith("magnet:") -> {
                Matcher m = BTIH.matcher(u.url());
                if (!m.find()) throw new IllegalArgumentException("fake needs a hex btih");
                id = m.group(1).toLowerCase();
                Matcher dn = DN.matcher(u.url());
                taskName = dn.find() ? dn.group(1) : "";
                status = TaskStatus.METADATA;
            }
            case AddRequest.Source.Url u -> {
                id = String.format("%016x", 0xabc0000L + ++gids);
                taskName = u.url().substring(u.url().lastIndexOf('/') + 1);
                type = kind.equals("aria2") ? DownloadTask.Type.DIRECT : DownloadTask.Type.TORRENT;
            }
            case AddRequest.Source.TorrentFile f -> {
                id = sha1(f.data());
                taskName = f.filename().replace(".torrent", "");
            }
        }
        String savePath = request.savePath() == null ? "/downloads" : request.savePath();
        tasks.put(
                id,
                task(
                        id,
                        taskName,
                        type,
                        status,
                        0,
                        1000,
                        savePath,
                        request.category() == null ? "" : request.category(),
                        null));
        calls.add("add:" + id);
        return id;
    }

    @Override
    public synchronized void pause(String id) {
        failIfDown();
        calls.add("pause:" + id);
        replace(id, TaskStatus.PAUSED, null);
    }

    @Override
    public synchronized void resume(String id) {
        failIfDown();
        calls.add("resume:" + id);
        replace(id, TaskStatus.DOWNLOADING, null);
    }

    @Override
    public synchronized void remove(String id, boolean deleteData) {
        failIfDown();
        calls.add("remove:" + id + ":" + deleteData);
        tasks.remove(id);
    }

    @Override
    public synchronized ClientStats stats() {
        failIfDown();
        long down =
                tasks.values().stream().mapToLong(DownloadTask::downloadSpeed).sum();
        long up = tasks.values().stream().mapToLong(DownloadTask::uploadSpeed).sum();
        return new ClientStats("fake-1.0", down, up, 0, 0, 150, 42, 1L << 40);
    }

    // ---- test controls

    public List<String> calls() {
        return calls;
    }

    public void setDown(boolean down) {
        this.down = down;
    }

    /** The download finished: the client now seeds it, with its data at savePath/name. */
    public synchronized void complete(String id, String savePath) {
        DownloadTask t = tasks.get(id);
        tasks.put(
                id,
                task(id, t.name(), t.type(), TaskStatus.SEEDING, 100, t.size(), savePath, t.category(), Instant.now()));
    }

    /** Sets a task's name and category as a client would after fetching a magnet's metadata. */
    public synchronized void rename(String id, String newName, String category) {
        DownloadTask t = tasks.get(id);
        tasks.put(
                id,
                task(
                        id,
                        newName,
                        t.type(),
                        t.status(),
                        t.progress(),
                        t.size(),
                        t.savePath(),
                        category,
                        t.completedAt()));
    }

    public synchronized void fail(String id, String error) {
        replace(id, TaskStatus.FAILED, error);
    }

    /** A task someone added in the client's own UI. */
    public synchronized String addExternal(String taskName) {
        String id = sha1(taskName.getBytes(StandardCharsets.UTF_8));
        tasks.put(
                id,
                task(
                        id,
                        taskName,
                        DownloadTask.Type.TORRENT,
                        TaskStatus.DOWNLOADING,
                        10,
                        1000,
                        "/downloads",
                        "",
                        null));
        return id;
    }

    public synchronized boolean has(String id) {
        return tasks.containsKey(id);
    }

    private void replace(String id, TaskStatus status, String error) {
        DownloadTask t = tasks.get(id);
        if (t == null) throw new UpstreamException.BadResponse(name, "no such torrent " + id, null);
        tasks.put(
                id,
                new DownloadTask(
                        t.id(),
                        t.name(),
                        t.type(),
                        status,
                        t.progress(),
                        t.size(),
                        t.downloaded(),
                        status == TaskStatus.PAUSED ? 0 : t.downloadSpeed(),
                        t.uploadSpeed(),
                        t.eta(),
                        t.ratio(),
                        t.seeds(),
                        t.peers(),
                        t.savePath(),
                        t.category(),
                        t.addedAt(),
                        t.completedAt(),
                        error));
    }

    private static DownloadTask task(
            String id,
            String name,
            DownloadTask.Type type,
            TaskStatus status,
            double progress,
            long size,
            String savePath,
            String category,
            Instant completedAt) {
        long done = Math.round(size * progress / 100);
        boolean finished = status.isFinished();
        return new DownloadTask(
                id,
                name,
                type,
                status,
                progress,
                size,
                done,
                finished ? 0 : 2048,
                finished ? 512 : 0,
                finished ? 0 : 60,
                0.5,
                15,
                8,
                savePath,
                category,
                Instant.now().minusSeconds(30),
                completedAt,
                null);
    }

    private void failIfDown() {
        if (down) throw new UpstreamException.Unreachable(name, "connection refused (fake is down)", null);
    }

    private static String sha1(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
