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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public Map<String, Object> history(
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
        List<Map<String, Object>> metrics = history.query(from, to, res).stream()
                .map(MetricsResource::point)
                .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("metrics", metrics);
        answer.put("resolution", resText);
        answer.put("start", from);
        answer.put("end", to);
        return answer;
    }

    private static Map<String, Object> point(HistoryPoint p) {
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("usage", round(p.cpuUsage()));
        cpu.put("temperature", p.temperature() == null ? null : round(p.temperature()));
        cpu.put("max", round(p.cpuMax()));
        cpu.put("load1", round(p.load1()));
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("usage", round(p.memoryUsage()));
        memory.put("total", round(p.memoryTotal() / GB));
        memory.put("used", round(p.memoryUsed() / GB));
        memory.put("swap_usage", round(p.swapUsage()));
        Map<String, Object> disk = new LinkedHashMap<>();
        disk.put("usage", round(p.diskUsage()));
        disk.put("free", round(p.diskFree() / GB));
        disk.put("total", round(p.diskTotal() / GB));
        disk.put("used", round(p.diskUsed() / GB));
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("download_speed", round(p.rxRate() / MB));
        network.put("upload_speed", round(p.txRate() / MB));
        network.put("total_downloaded", round(p.rxTotal() / GB));
        network.put("total_uploaded", round(p.txTotal() / GB));
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("timestamp", p.at());
        point.put("samples", p.samples());
        point.put("cpu", cpu);
        point.put("memory", memory);
        point.put("disk", disk);
        point.put("network", network);
        return point;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
