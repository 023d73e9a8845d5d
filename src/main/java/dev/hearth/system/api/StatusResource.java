package dev.hearth.system.api;

import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.Params;
import dev.hearth.services.HealthBoard;
import dev.hearth.system.SystemInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/status}: the seeds' fields; host figures from samples, the services' from the health
 * board (no upstream is asked), or with {@code ?refresh=true} from a parallel poll bounded by each service's timeout.
 */
@Path("/api/v1/status")
@io.smallrye.common.annotation.RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {
    public record Status(
            String status,
            String version,
            String uptime,
            long uptimeSeconds,
            double cpuUsage,
            double memoryUsage,
            double diskUsage,
            HealthBoard.Summary services) {}

    private final MetricsCollector host;
    private final HealthBoard board;
    private final SystemInfo info;

    public StatusResource(MetricsCollector host, HealthBoard board, SystemInfo info) {
        this.host = host;
        this.board = board;
        this.info = info;
    }

    @GET
    @Allow(Role.VIEWER)
    public Status status(@QueryParam("refresh") @Nullable String refresh) {
        HostSnapshot s = host.last();
        Duration up = info.uptime();
        return new Status(
                "running",
                info.version(),
                Durations.human(up),
                up.toSeconds(),
                s.cpu().usage(),
                s.memory().usage(),
                host.primaryDisk(s).usage(),
                board.summary(Params.flag(refresh, "refresh", false)));
    }
}
