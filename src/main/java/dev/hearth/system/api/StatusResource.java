package dev.hearth.system.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.Params;
import dev.hearth.services.HealthBoard;
import dev.hearth.services.ServiceLines;
import dev.hearth.services.StatusFigures;
import dev.hearth.system.SystemInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
            Services services) {}

    /**
     * The board's four counts, and each service's line by name (the automation server's shape): a media server's
     * {@code active_streams}, a download client's {@code active_downloads} and {@code download_speed} (bytes per
     * second, with {@code download_speed_human} as the seed prints it), all from the last polls.
     */
    public record Services(int total, int online, int offline, int unknown, Map<String, Line> byName) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(
            String status,
            @Nullable String uptime,
            @Nullable Integer activeStreams,
            @Nullable Long activeDownloads,
            @Nullable Long downloadSpeed,
            @Nullable String downloadSpeedHuman) {}

    /**
     * How long a services block may be served without a board change: what the board does not see moves the lines
     * too (a task removed through the API changes a client's active count, a container's uptime ticks), so a block
     * is at most this old even while no service is polled.
     */
    private static final long MAX_AGE_MS = 1_000;

    /** A services block, the board's {@link HealthBoard#changes()} it was built at, and when. */
    private record Built(long changes, long atMs, Services services) {}

    private final MetricsCollector host;
    private final HealthBoard board;
    private final SystemInfo info;
    private final ServiceLines lines;
    private final Clock clock;
    /**
     * The last services block. With 200 services it is 200 lines built from the board, the features' figures and
     * the counts, for an answer asked thousands of times a second by dashboards and scripts: built again only once
     * the board moved (a poll, which changes at most once per service and interval), so a request allocates little
     * more than its own answer and the collector's pauses stay out of the tail.
     */
    private final AtomicReference<@Nullable Built> last = new AtomicReference<>();

    public StatusResource(MetricsCollector host, HealthBoard board, SystemInfo info, ServiceLines lines, Clock clock) {
        this.host = host;
        this.board = board;
        this.info = info;
        this.lines = lines;
        this.clock = clock;
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
                services(Params.flag(refresh, "refresh", false)));
    }

    private Services services(boolean refresh) {
        if (refresh) return services(board.summary(true));
        // Read before the board is: a change during the build moves the count, so the next request builds again.
        long changes = board.changes();
        long now = clock.millis();
        Built b = last.get();
        if (b != null && b.changes() == changes && now - b.atMs() < MAX_AGE_MS && now >= b.atMs()) return b.services();
        Services built = services(board.summary(false));
        last.set(new Built(changes, now, built));
        return built;
    }

    private Services services(HealthBoard.Summary counts) {
        Map<String, Line> byName = new LinkedHashMap<>();
        for (ServiceLines.Line l : lines.lines()) {
            Integer streams = null;
            Long active = null, speed = null;
            switch (l.figures()) {
                case StatusFigures.Streaming s -> streams = s.activeStreams();
                case StatusFigures.Transferring t -> {
                    active = t.activeDownloads();
                    speed = t.downloadSpeed();
                }
                case null -> {}
            }
            byName.put(
                    l.name(),
                    new Line(
                            l.status(),
                            l.uptime() == null ? null : Durations.human(l.uptime()),
                            streams,
                            active,
                            speed,
                            speed == null ? null : rate(speed)));
        }
        return new Services(
                counts.total(),
                counts.online(),
                counts.offline(),
                counts.unknown(),
                Collections.unmodifiableMap(byName));
    }

    /** "5.2 MB/s", binary multiples with one decimal, as the seeds and the tasks' {@code speed} print it. */
    private static String rate(long bytesPerSecond) {
        if (bytesPerSecond < 1024) return Math.max(0, bytesPerSecond) + " B/s";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytesPerSecond / 1024.0;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s/s", v, units[unit]);
    }
}
