package dev.hearth.downloads;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A download client's transfer figures from its last poll, in the shape of the seed "Moccha"
 * ({@code GET /services/deluge/stats}). {@code GET /api/v1/services/{name}/stats} answers this for a
 * download client, so both the seed's clients and the services page read one route.
 */
public final class ClientStatsView {
    private ClientStatsView() {}

    public static Map<String, Object> of(DownloadService downloads, String name) {
        ClientState c = downloads.client(name);
        ClientStats s = c.stats();
        if (s == null) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Download client '" + name + "' has not answered yet: "
                            + c.health().message(),
                    Map.of("client", name, "state", c.health().status().name()));
        }
        long peers = downloads.list(new StatusFilter.All(), name, 500, 0).tasks().stream()
                .mapToLong(Task::peers)
                .sum();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("upload_rate", s.uploadSpeed());
        stats.put("download_rate", s.downloadSpeed());
        stats.put("dht_nodes", s.dhtNodes());
        stats.put("num_peers", peers);
        stats.put("num_connections", s.connections());
        // The capability has one rate per direction; payload rates are the same figures.
        stats.put("payload_upload_rate", s.uploadSpeed());
        stats.put("payload_download_rate", s.downloadSpeed());
        stats.put("version", s.version());
        stats.put("free_space", s.freeSpace());
        stats.put("state", c.health().status().name());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("stats", stats);
        return answer;
    }

    public static boolean isClient(DownloadService downloads, String name) {
        return downloads.clients().stream().anyMatch(c -> c.name().equals(name));
    }
}
