package dev.hearth.downloads;

import java.util.List;

/**
 * The seed's download statistics: tasks added and completed today (UTC), the bandwidth in use now (sum of
 * every task's last polled speed), the average speed of finished downloads, and who downloads most.
 */
public record DownloadStatistics(
        long todayDownloads,
        long todayCompleted,
        long activeTasks,
        long downloadSpeed,
        long uploadSpeed,
        long averageSpeed,
        List<TopDownloader> topDownloaders) {

    public record TopDownloader(String userId, String username, long downloadCount, long totalSize) {}

    public long totalBandwidth() {
        return downloadSpeed + uploadSpeed;
    }
}
