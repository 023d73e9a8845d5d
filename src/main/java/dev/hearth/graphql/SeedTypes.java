package dev.hearth.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.jspecify.annotations.Nullable;

/** The GraphQL types of MLTB's schema, with its field names and, where the seed shows strings, its strings. */
public final class SeedTypes {
    private SeedTypes() {}

    /**
     * The fields read from memory; {@code activeTasks} and {@code totalDownloads} count tasks in the database and
     * are resolved on their own ({@link SeedQueries#activeTasks}), only when a query selects them.
     */
    @Description(
            "Hearth at a glance. memoryUsage and cpuUsage as \"45%\"; totalUploads is 0: Hearth uploads nothing to a remote.")
    public record Status(
            String version, String uptime, long totalUploads, String memoryUsage, String cpuUsage, String timestamp) {}

    @Description(
            "Counts over the lines of Hearth's own log kept in memory (logs.buffer_size). Hearth has no critical level: criticalCount is 0.")
    public record LoggerStats(
            long totalLogs,
            long errorCount,
            long warningCount,
            long infoCount,
            long criticalCount,
            List<String> recentErrors,
            String logFileSize) {}

    public record RecentAlert(String level, String message, String timestamp) {}

    @Description("Open (unresolved) alerts by level; subscribers: the notification channels configured.")
    public record AlertSummary(
            long totalAlerts,
            long criticalAlerts,
            long warningAlerts,
            long infoAlerts,
            List<RecentAlert> recentAlerts,
            long subscribers) {}

    @Description("One download task. speed, eta and size as the seed's strings (\"5.2 MB/s\", \"8m 30s\", \"2.5 GB\").")
    public record TaskStatus(
            String id,
            String type,
            String status,
            double progress,
            String speed,
            String eta,
            String size,
            String filename,
            String startTime,
            String client,
            String category) {}

    public record TopDownloader(String userId, String username, long downloadCount, String totalSize) {}

    @Description("todayUploads is 0: Hearth uploads nothing to a remote. Bandwidth and speed as \"5.2 MB/s\".")
    public record DownloadStats(
            long todayDownloads,
            long todayUploads,
            String totalBandwidth,
            String averageSpeed,
            List<TopDownloader> topDownloaders) {}

    public record ServiceStatus(
            String name,
            String status,
            String health,
            String message,
            String lastCheck,
            long latencyMs,
            @Nullable Long uptimeSeconds) {}

    public record TaskList(List<TaskStatus> tasks, long total, int page) {}

    public record AlertItem(String id, String level, String message, String source, String state, String timestamp) {}

    public record AlertList(List<AlertItem> alerts, long total, boolean hasMore) {}

    @Description("A mutation's outcome, as MLTB answers: success and a message.")
    public record Outcome(boolean success, String message) {}

    @Description("Any catalog action's outcome: its typed answer as JSON text (the same fields REST answers).")
    public record ActionOutcome(boolean success, String message, String action, String result) {}

    @Description("An action of the catalog, as every door shows it.")
    public record ActionInfo(
            String name, String description, String role, boolean destructive, List<ActionParam> params) {}

    public record ActionParam(String name, String type, boolean required, String description) {}

    public record TaskProgress(String taskId, double progress, String speed, String eta, String status) {}

    @Description("A host sample: usages in percent, network in bytes per second.")
    public record SystemMetrics(
            String timestamp,
            double cpuUsage,
            double memoryUsage,
            double diskUsage,
            double networkIn,
            double networkOut) {}
}
