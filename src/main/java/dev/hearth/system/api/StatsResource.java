package dev.hearth.system.api;

import dev.hearth.downloads.DownloadReports;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.StatusFilter;
import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.system.SystemInfo;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/**
 * {@code GET /api/v1/stats}: MLTB's {@code /api/stats} figures in Hearth's convention. Downloads are the
 * tasks Hearth lists; users the callers that added them ({@code GET /api/v1/users}); Hearth uploads
 * nothing to a cloud remote, so {@code total_uploads} is 0, as in the user figures.
 */
@Path("/api/v1/stats")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {
    public record Stats(
            String version,
            String uptime,
            long uptimeSeconds,
            long activeTasks,
            long totalDownloads,
            long totalUploads,
            long totalUsers,
            double cpuUsage,
            double memoryUsage,
            double diskUsage) {}

    private final SystemInfo info;
    private final MetricsCollector host;
    private final DownloadService downloads;
    private final DownloadReports reports;

    public StatsResource(SystemInfo info, MetricsCollector host, DownloadService downloads, DownloadReports reports) {
        this.info = info;
        this.host = host;
        this.downloads = downloads;
        this.reports = reports;
    }

    @GET
    @Allow(Role.VIEWER)
    public Stats stats() {
        HostSnapshot s = host.last();
        Duration up = info.uptime();
        return new Stats(
                info.version(),
                Durations.human(up),
                up.toSeconds(),
                downloads.list(new StatusFilter.Active(), null, 1, 0).total(),
                downloads.list(new StatusFilter.All(), null, 1, 0).total(),
                0,
                reports.users(1, 0).total(),
                s.cpu().usage(),
                s.memory().usage(),
                host.primaryDisk(s).usage());
    }
}
