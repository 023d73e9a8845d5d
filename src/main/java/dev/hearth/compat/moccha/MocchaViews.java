package dev.hearth.compat.moccha;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.TaskDetails;
import dev.hearth.services.ServiceSettingsView;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Moccha's answers, field for field (Hearth's names are snake_case already, as Moccha's are). */
final class MocchaViews {
    private MocchaViews() {}

    record Names(boolean success, List<String> services, int count) {}

    record AllStatus(boolean success, Map<String, ServiceStatus> services) {}

    /** {@code download_path}: Hearth does not know a client's own default folder, so it is null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceStatus(
            boolean running,
            @Nullable String host,
            @Nullable Integer port,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String downloadPath,

            boolean connected,
            @Nullable Transfer stats) {}

    record Transfer(long uploadRate, long downloadRate, long dhtNodes) {}

    record AllConfig(boolean success, Map<String, ServiceSettingsView> config) {}

    record OneConfig(boolean success, String service, ServiceSettingsView config) {}

    record Done(boolean success, String message) {}

    record Added(boolean success, String message, String torrentId, String taskId) {}

    record Torrents(boolean success, List<Torrent> torrents, int count) {}

    record Torrent(
            String id,
            String name,
            double progress,
            String state,
            long downloadRate,
            long uploadRate,
            int seeds,
            int peers,
            long totalWanted,
            long totalDone,
            long eta,
            double ratio) {
        static Torrent of(Task t) {
            return new Torrent(
                    t.clientTaskId(),
                    t.name().isEmpty() ? t.clientTaskId() : t.name(),
                    Math.round(t.progress() * 10) / 10.0,
                    t.status().delugeWord(),
                    t.downloadSpeed(),
                    t.uploadSpeed(),
                    t.seeds(),
                    t.peers(),
                    t.size(),
                    t.downloaded(),
                    t.eta(),
                    t.ratio());
        }
    }

    record OneTorrent(boolean success, TorrentDetail torrent) {}

    /** The seed shows {@code peers} twice in one object (a count, then the list); JSON keeps the last, the list. */
    record TorrentDetail(
            String id,
            String name,
            double progress,
            String state,
            long downloadRate,
            long uploadRate,
            int seeds,
            long totalWanted,
            long totalDone,
            long eta,
            double ratio,
            List<File> files,
            List<Tracker> trackers,
            List<Peer> peers) {}

    record File(int index, String path, long size, long offset) {}

    /** {@code tier}: the tracker's position in the client's list, which keeps tier order but not the tier itself. */
    record Tracker(String url, int tier) {}

    record Peer(String peerId, String ip, double progress, long downSpeed, long upSpeed, String client) {
        static Peer of(TaskDetails.Peer p) {
            return new Peer(
                    p.address(), hostOf(p.address()), p.progress(), p.downloadSpeed(), p.uploadSpeed(), p.client());
        }
    }

    record Peers(boolean success, List<Peer> peers, int count) {}

    record Stats(boolean success, ClientFigures stats) {}

    /** The capability has one rate per direction: the payload rates are the same figures. */
    record ClientFigures(
            long uploadRate,
            long downloadRate,
            long dhtNodes,
            long numPeers,
            long numConnections,
            long payloadUploadRate,
            long payloadDownloadRate) {
        static ClientFigures of(ClientStats s, long peers) {
            return new ClientFigures(
                    s.uploadSpeed(),
                    s.downloadSpeed(),
                    s.dhtNodes(),
                    peers,
                    s.connections(),
                    s.uploadSpeed(),
                    s.downloadSpeed());
        }
    }

    record SystemStatus(
            String uptime,
            double cpuPct,
            int cpuCount,
            double ramTotalGb,
            double ramUsedGb,
            double ramPct,
            double diskTotalGb,
            double diskFreeGb,
            @Nullable Gpu gpu,
            long executions,
            int variables) {}

    record Gpu(String name, long memUsedMb, long memTotalMb, long utilPct) {}

    /** Python's answer: each variable's value, or its type name when it is not JSON. */
    record Executed(String output, String error, Map<String, @Nullable Object> variables, boolean success) {}

    record AsyncStarted(String taskId, String status) {}

    record TaskState(
            String taskId,
            String status,
            String result,
            String error,
            String created,
            @Nullable String finished) {}

    record HistoryRow(String id, String type, String time, String input, boolean success) {}

    /** Moccha answers the variables themselves as the object's members, no envelope. */
    record Variables(@JsonIgnore Map<String, @Nullable Object> values) {
        @JsonAnyGetter
        Map<String, @Nullable Object> members() {
            return values;
        }
    }

    private static String hostOf(String address) {
        if (address.startsWith("[")) return address.substring(1, Math.max(1, address.indexOf(']')));
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }
}
