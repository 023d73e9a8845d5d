package dev.hearth.system.api;

import dev.hearth.platform.config.Durations;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.services.ServiceCatalog;
import dev.hearth.system.SystemInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/**
 * {@code GET /api/v1/status}: the seeds' fields; host figures from samples, the services' from a parallel
 * fan-out bounded by each service's timeout (so on a virtual thread).
 */
@Path("/api/v1/status")
@io.smallrye.common.annotation.RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {
    public record Status(String status, String version, String uptime, long uptimeSeconds, double cpuUsage, double memoryUsage,
                         double diskUsage, ServiceCatalog.Summary services) {}

    private final MetricsCollector host;
    private final ServiceCatalog services;
    private final SystemInfo info;

    public StatusResource(MetricsCollector host, ServiceCatalog services, SystemInfo info) {
        this.host = host;
        this.services = services;
        this.info = info;
    }

    @GET
    @Allow(Role.VIEWER)
    public Status status() {
        HostSnapshot s = host.last();
        Duration up = info.uptime();
        return new Status("running", info.version(), Durations.human(up), up.toSeconds(), s.cpu().usage(), s.memory().usage(),
                host.primaryDisk(s).usage(),
                services.summary());
    }
}
