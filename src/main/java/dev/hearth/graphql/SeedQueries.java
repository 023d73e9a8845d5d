package dev.hearth.graphql;

import dev.hearth.downloads.DownloadReports;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.DownloadStatistics;
import dev.hearth.downloads.StatusFilter;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.api.Human;
import dev.hearth.graphql.SeedTypes.AlertItem;
import dev.hearth.graphql.SeedTypes.AlertList;
import dev.hearth.graphql.SeedTypes.AlertSummary;
import dev.hearth.graphql.SeedTypes.DownloadStats;
import dev.hearth.graphql.SeedTypes.LoggerStats;
import dev.hearth.graphql.SeedTypes.RecentAlert;
import dev.hearth.graphql.SeedTypes.ServiceStatus;
import dev.hearth.graphql.SeedTypes.Status;
import dev.hearth.graphql.SeedTypes.SystemMetrics;
import dev.hearth.graphql.SeedTypes.TaskList;
import dev.hearth.graphql.SeedTypes.TaskStatus;
import dev.hearth.graphql.SeedTypes.TopDownloader;
import dev.hearth.monitoring.Alert;
import dev.hearth.monitoring.AlertLevel;
import dev.hearth.monitoring.AlertService;
import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.logging.LogStore;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.HealthBoard;
import dev.hearth.system.SystemInfo;
import io.smallrye.common.annotation.NonBlocking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.jspecify.annotations.Nullable;

/** MLTB's queries, plus services, tasks, alerts and metrics; every one needs the viewer role, as its REST twin does. */
@GraphQLApi
public class SeedQueries {
    private static final int RECENT = 5;

    private final GraphCallers callers;
    private final SystemInfo info;
    private final MetricsCollector host;
    private final DownloadService downloads;
    private final DownloadReports reports;
    private final LogStore logs;
    private final AlertService alerts;
    private final NotificationService notifications;
    private final HealthBoard board;
    private final Clock clock;

    public SeedQueries(
            GraphCallers callers,
            SystemInfo info,
            MetricsCollector host,
            DownloadService downloads,
            DownloadReports reports,
            LogStore logs,
            AlertService alerts,
            NotificationService notifications,
            HealthBoard board,
            Clock clock) {
        this.callers = callers;
        this.info = info;
        this.host = host;
        this.downloads = downloads;
        this.reports = reports;
        this.logs = logs;
        this.alerts = alerts;
        this.notifications = notifications;
        this.board = board;
        this.clock = clock;
    }

    /**
     * Read from memory only (the last host sample, the start time), so it runs on the event loop that received
     * the request, as REST's status does without a hop to a worker thread; the task counts are the two fields below.
     */
    @Query
    @NonBlocking
    @Description("Hearth's version, uptime, tasks and host usage (as GET /api/v1/status and /api/v1/stats).")
    public @NonNull Status status() {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            HostSnapshot s = host.last();
            Duration up = info.uptime();
            return new Status(
                    info.version(),
                    Durations.human(up),
                    0,
                    percent(s.memory().usage()),
                    percent(s.cpu().usage()),
                    clock.instant().toString());
        });
    }

    /**
     * Counted in the task store, on a worker thread (the extension dispatches a blocking field of a non-blocking
     * parent), only when the query selects it; the status's caller is a viewer already.
     */
    @Description("Tasks neither finished nor failed.")
    public long activeTasks(@Source Status status) {
        return downloads.list(new StatusFilter.Active(), null, 1, 0).total();
    }

    @Description("Every task Hearth lists, finished or not.")
    public long totalDownloads(@Source Status status) {
        return downloads.list(new StatusFilter.All(), null, 1, 0).total();
    }

    @Query
    public @NonNull LoggerStats loggerStats() {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            LogStore.Counts c = logs.counts();
            List<String> recentErrors = logs.query("error", RECENT, Instant.EPOCH).stream()
                    .map(e -> e.message() + " at " + e.timestamp())
                    .toList();
            return new LoggerStats(c.total(), c.error(), c.warn(), c.info(), 0, recentErrors, Human.size(logs.bytes()));
        });
    }

    @Query
    public @NonNull AlertSummary alertSummary() {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            AlertService.Summary s = alerts.summary();
            List<RecentAlert> recent = alerts.list(null, null, Instant.EPOCH, RECENT, 0).alerts().stream()
                    .map(a -> new RecentAlert(
                            a.level().id(), a.message(), a.raisedAt().toString()))
                    .toList();
            return new AlertSummary(
                    s.open(),
                    s.byLevel().getOrDefault(AlertLevel.CRITICAL, 0L),
                    s.byLevel().getOrDefault(AlertLevel.WARNING, 0L),
                    s.byLevel().getOrDefault(AlertLevel.INFO, 0L),
                    recent,
                    notifications.channelNames().size());
        });
    }

    @Query
    public @NonNull TaskStatus taskStatus(@Name("taskId") @NonNull String taskId) {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            return task(downloads.get(taskId));
        });
    }

    @Query
    public @NonNull DownloadStats downloadStats() {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            DownloadStatistics s = reports.statistics();
            return new DownloadStats(
                    s.todayDownloads(),
                    0,
                    Human.rate(s.totalBandwidth()),
                    Human.rate(s.averageSpeed()),
                    s.topDownloaders().stream()
                            .map(t -> new TopDownloader(
                                    t.userId(), t.username(), t.downloadCount(), Human.size(t.totalSize())))
                            .toList());
        });
    }

    @Query
    @Description("Every service with its last health check (as GET /api/v1/services/status).")
    public @NonNull List<@NonNull ServiceStatus> services() {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            return board.healthAll(false).stream()
                    .map(h -> new ServiceStatus(
                            h.name(),
                            h.status(),
                            h.health(),
                            h.message(),
                            h.lastCheck().toString(),
                            h.latencyMs(),
                            h.uptimeSeconds()))
                    .toList();
        });
    }

    @Query
    @Description("Tasks, newest first: status active, completed, failed, all or an exact status; category exactly.")
    public @NonNull TaskList tasks(
            @Name("status") @Nullable String status,
            @Name("category") @Nullable String category,
            @Name("limit") @DefaultValue("50") int limit,
            @Name("offset") @DefaultValue("0") int offset) {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            if (limit < 1 || limit > 1000) throw ApiException.invalid("limit", "must be 1 to 1000");
            if (offset < 0) throw ApiException.invalid("offset", "must be 0 or more");
            var page = downloads.list(
                    StatusFilter.parse(status),
                    null,
                    category == null || category.isBlank() ? null : category.trim(),
                    limit,
                    offset);
            return new TaskList(
                    page.tasks().stream().map(SeedQueries::task).toList(), page.total(), offset / limit + 1);
        });
    }

    @Query
    @Description(
            "Alerts, newest first: level info, warning, error or critical; state raised, acknowledged or resolved.")
    public @NonNull AlertList alerts(
            @Name("level") @Nullable String level,
            @Name("state") @Nullable String state,
            @Name("limit") @DefaultValue("100") int limit) {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            if (limit < 1 || limit > 1000) throw ApiException.invalid("limit", "must be 1 to 1000");
            AlertLevel l = level == null || level.isBlank()
                    ? null
                    : AlertLevel.find(level)
                            .orElseThrow(
                                    () -> ApiException.invalid("level", "must be info, warning, error or critical"));
            Alert.State st = state == null || state.isBlank()
                    ? null
                    : Arrays.stream(Alert.State.values())
                            .filter(x -> x.id().equals(state.trim()))
                            .findFirst()
                            .orElseThrow(
                                    () -> ApiException.invalid("state", "must be raised, acknowledged or resolved"));
            AlertService.Page page = alerts.list(l, st, Instant.EPOCH, limit, 0);
            return new AlertList(
                    page.alerts().stream()
                            .map(a -> new AlertItem(
                                    "alert-" + a.id(),
                                    a.level().id(),
                                    a.message(),
                                    a.source(),
                                    a.state().id(),
                                    a.raisedAt().toString()))
                            .toList(),
                    page.total(),
                    page.hasMore());
        });
    }

    @Query
    @Description("The last host sample (as GET /api/v1/metrics/current).")
    public @NonNull SystemMetrics metrics() {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            return metricsOf(host.last(), host);
        });
    }

    static SystemMetrics metricsOf(HostSnapshot s, MetricsCollector host) {
        return new SystemMetrics(
                s.at().toString(),
                s.cpu().usage(),
                s.memory().usage(),
                host.primaryDisk(s).usage(),
                s.network().rxRate(),
                s.network().txRate());
    }

    static TaskStatus task(Task t) {
        String name = t.name().isEmpty() ? t.clientTaskId() : t.name();
        return new TaskStatus(
                t.id(),
                t.type().name().toLowerCase(java.util.Locale.ROOT),
                t.status().id(),
                Math.round(t.progress() * 10) / 10.0,
                Human.rate(t.downloadSpeed()),
                Human.eta(t.eta()),
                Human.size(t.size()),
                name,
                t.startTime().toString(),
                t.client(),
                t.category());
    }

    private static String percent(double usage) {
        return Math.round(usage) + "%";
    }
}
