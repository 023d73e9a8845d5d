package dev.hearth.downloads;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.util.Map;

/**
 * A download client's transfer figures from its last poll, in the shape of the seed "Moccha"
 * ({@code GET /services/deluge/stats}). {@code GET /api/v1/services/{name}/stats} answers this (under
 * {@code stats}) for a download client, so both the seed's clients and the services page read one route.
 * The capability has one rate per direction; the payload rates are the same figures.
 */
public record ClientStatsView(
        long uploadRate,
        long downloadRate,
        long dhtNodes,
        long numPeers,
        int numConnections,
        long payloadUploadRate,
        long payloadDownloadRate,
        String version,
        long freeSpace,
        String state) {

    public static ClientStatsView of(DownloadService downloads, String name) {
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
        return new ClientStatsView(
                s.uploadSpeed(),
                s.downloadSpeed(),
                s.dhtNodes(),
                peers,
                s.connections(),
                s.uploadSpeed(),
                s.downloadSpeed(),
                s.version(),
                s.freeSpace(),
                c.health().status().name());
    }

    public static boolean isClient(DownloadService downloads, String name) {
        return downloads.clients().stream().anyMatch(c -> c.name().equals(name));
    }
}
