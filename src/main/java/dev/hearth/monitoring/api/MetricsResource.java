package dev.hearth.monitoring.api;

import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.monitoring.MetricsView;
import dev.hearth.monitoring.history.HistoryPoint;
import dev.hearth.monitoring.history.HistoryStore;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The seed's {@code GET /metrics/current} and {@code GET /metrics/history}, with its field names. */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {
    private static final double GB = 1024.0 * 1024 * 1024;
    private static final double MB = 1024.0 * 1024;

    private final MetricsCollector collector;
    private final HistoryStore history;
    private final Clock clock;

    public MetricsResource(MetricsCollector collector, HistoryStore history, Clock clock) {
        this.collector = collector;
        this.history = history;
        this.clock = clock;
    }

    @GET
    @Path("/current")
    @Allow(Role.VIEWER)
    public MetricsView current() {
        return collector.view(collector.last());
    }

    @GET
    @Path("/history")
    @Allow(Role.VIEWER)
    @RunOnVirtualThread
    public History history(
            @QueryParam("start") @Nullable String start,
            @QueryParam("end") @Nullable String end,
            @QueryParam("resolution") @Nullable String resolution) {
        Instant to = Params.instant(end, "end", clock.instant());
        Instant from = Params.instant(start, "start", to.minus(Duration.ofHours(1)));
        if (!from.isBefore(to)) throw ApiException.invalid("start", "must be before end");
        String resText = resolution == null || resolution.isBlank() ? "5m" : resolution.trim();
        Duration res;
        try {
            res = Durations.parse(resText);
        } catch (RuntimeException e) {
            throw ApiException.invalid("resolution", "'" + resText + "' is not a duration like 5m or 1h");
        }
        if (res.toSeconds() < 1) throw ApiException.invalid("resolution", "must be at least 1s");
        long points = Duration.between(from, to).toMillis() / res.toMillis();
        if (points > HistoryStore.MAX_POINTS) {
            throw ApiException.invalid(
                    "resolution",
                    resText + " gives " + points + " points over that range; at most " + HistoryStore.MAX_POINTS
                            + " — choose a coarser resolution");
        }
        List<Point> metrics = history.query(from, to, res).stream()
                .map(MetricsResource::point)
                .toList();
        return new History(metrics, resText, from, to);
    }

    /** The seed's history: points averaged per {@code resolution}; sizes in GB, speeds in MB/s, one decimal. */
    public record History(List<Point> metrics, String resolution, Instant start, Instant end) {}

    public record Point(Instant timestamp, int samples, Cpu cpu, Memory memory, Disk disk, Network network) {}

    public record Cpu(double usage, @Nullable Double temperature, double max, double load1) {}

    public record Memory(double usage, double total, double used, double swapUsage) {}

    public record Disk(double usage, double free, double total, double used) {}

    public record Network(double downloadSpeed, double uploadSpeed, double totalDownloaded, double totalUploaded) {}

    private static Point point(HistoryPoint p) {
        return new Point(
                p.at(),
                p.samples(),
                new Cpu(
                        round(p.cpuUsage()),
                        p.temperature() == null ? null : round(p.temperature()),
                        round(p.cpuMax()),
                        round(p.load1())),
                new Memory(
                        round(p.memoryUsage()),
                        round(p.memoryTotal() / GB),
                        round(p.memoryUsed() / GB),
                        round(p.swapUsage())),
                new Disk(
                        round(p.diskUsage()),
                        round(p.diskFree() / GB),
                        round(p.diskTotal() / GB),
                        round(p.diskUsed() / GB)),
                new Network(
                        round(p.rxRate() / MB),
                        round(p.txRate() / MB),
                        round(p.rxTotal() / GB),
                        round(p.txTotal() / GB)));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
