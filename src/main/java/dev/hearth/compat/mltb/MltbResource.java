package dev.hearth.compat.mltb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.compat.CompatBodies;
import dev.hearth.compat.CompatFigures;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.DownloadReports;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.StatusFilter;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.TaskPage;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.downloads.UserStats;
import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.platform.web.Params;
import dev.hearth.system.SystemInfo;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * MLTB's REST routes under {@code /compat/mltb}: health, Prometheus figures under its names, statistics, tasks,
 * downloads and users. Its config and plugin routes are not here (docs/compat.md says when they come).
 */
@Path(MltbDoor.PREFIX)
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class MltbResource {
    private static final String DOOR = "rest";
    private final DownloadService downloads;
    private final DownloadReports reports;
    private final MetricsCollector metrics;
    private final SystemInfo system;
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final Clock clock;
    private final ObjectMapper json;

    public MltbResource(
            DownloadService downloads,
            DownloadReports reports,
            MetricsCollector metrics,
            SystemInfo system,
            ActionCatalog actions,
            CurrentCaller caller,
            Clock clock,
            ObjectMapper json) {
        this.downloads = downloads;
        this.reports = reports;
        this.metrics = metrics;
        this.system = system;
        this.actions = actions;
        this.caller = caller;
        this.clock = clock;
        this.json = json;
    }

    @GET
    @Path("/health")
    @Allow(Role.VIEWER)
    public MltbViews.Health health() {
        return new MltbViews.Health("healthy", system.version(), clock.instant());
    }

    /** MLTB's two series, from the same figures as {@code hearth_*}. */
    @GET
    @Path("/metrics")
    @Produces("text/plain; version=0.0.4")
    @Allow(Role.VIEWER)
    public String metrics() {
        return """
                # HELP bot_downloads_total Total number of downloads
                # TYPE bot_downloads_total counter
                bot_downloads_total %d
                # HELP bot_active_tasks Number of active tasks
                # TYPE bot_active_tasks gauge
                bot_active_tasks %d
                """.formatted(totalDownloads(), reports.statistics().activeTasks());
    }

    private long totalDownloads() {
        return downloads.list(new StatusFilter.All(), null, 1, 0).total();
    }

    @GET
    @Path("/api/stats")
    @Allow(Role.VIEWER)
    public MltbViews.Stats stats() {
        HostSnapshot s = metrics.last();
        return new MltbViews.Stats(
                system.version(),
                Durations.human(system.uptime()),
                reports.statistics().activeTasks(),
                totalDownloads(),
                0,
                reports.users(1, 0).total(),
                percent(metrics.primaryDisk(s).usage()),
                percent(s.memory().usage()));
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f%%", p);
    }

    /** {@code ?status=active|completed|failed&limit=50&offset=0}. */
    @GET
    @Path("/api/tasks")
    @Allow(Role.VIEWER)
    public MltbViews.Tasks tasks(
            @QueryParam("status") @Nullable String status,
            @QueryParam("limit") @Nullable String limit,
            @QueryParam("offset") @Nullable String offset) {
        int n = Params.integer(limit, "limit", 50, 1, 500);
        int from = Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        TaskPage page = downloads.list(filter(status), null, n, from);
        return new MltbViews.Tasks(
                page.tasks().stream().map(MltbViews.TaskRow::of).toList(),
                page.total(),
                from / n + 1,
                n,
                from,
                from + page.tasks().size() < page.total());
    }

    private static StatusFilter filter(@Nullable String status) {
        if (status == null || status.isBlank()) return new StatusFilter.All();
        return switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "active" -> new StatusFilter.Active();
            case "completed" -> new StatusFilter.Completed();
            case "failed" -> new StatusFilter.Failed();
            case "paused" -> new StatusFilter.Exactly(TaskStatus.PAUSED);
            default ->
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        "status: must be active, completed, failed or paused",
                        Map.of("field", "status", "value", status));
        };
    }

    @GET
    @Path("/api/tasks/{taskId}")
    @Allow(Role.VIEWER)
    public MltbViews.TaskDetail task(@PathParam("taskId") String id) {
        return MltbViews.TaskDetail.of(downloads.get(id));
    }

    /**
     * {@code {"url": "...", "destination": "/abs/dir"}}. MLTB's {@code userId} and {@code folderId} (a Telegram user,
     * a Google Drive folder) name things Hearth does not have: a 400 that says so, never dropped.
     */
    @POST
    @Path("/api/download")
    @Allow(Role.OPERATOR)
    public MltbViews.Started download(@Nullable String body) {
        JsonNode b = CompatBodies.object(json, body);
        for (String field : List.of("userId", "folderId")) {
            if (b.hasNonNull(field)) {
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        field + ": Hearth cannot honour it: downloads are labelled with the caller's own key or user, "
                                + "and saved to a directory of this machine (destination), not a cloud folder",
                        Map.of("field", field));
            }
        }
        ObjectNode params = JsonNodeFactory.instance
                .objectNode()
                .put("url", CompatBodies.text(b, "url", "is required (a magnet, http or https link)"));
        if (b.hasNonNull("destination")) params.set("destination", b.get("destination"));
        b.fieldNames().forEachRemaining(f -> {
            if (!List.of("url", "destination", "userId", "folderId").contains(f))
                throw ApiException.invalid(f, "is not a field of POST /api/download (url, destination)");
        });
        Task t = (Task) actions.invoke(DownloadActions.ADD, params, caller.get(), DOOR);
        return new MltbViews.Started(true, t.id(), "Download started successfully");
    }

    @DELETE
    @Path("/api/tasks/{taskId}")
    @Allow(Role.OPERATOR)
    public MltbViews.Done cancel(@PathParam("taskId") String id) {
        Task t = downloads.get(id);
        actions.invoke(
                DownloadActions.REMOVE,
                JsonNodeFactory.instance.objectNode().put("task_id", t.id()).put("delete_data", false),
                caller.get(),
                DOOR);
        return new MltbViews.Done(true, "Task cancelled successfully");
    }

    @GET
    @Path("/api/users")
    @Allow(Role.VIEWER)
    public MltbViews.Users users() {
        return new MltbViews.Users(reports.users(500, 0).users().stream()
                .map(u -> new MltbViews.UserRow(u.userId(), u.username(), u.total(), 0, u.lastActive()))
                .toList());
    }

    @GET
    @Path("/api/users/{userId}/stats")
    @Allow(Role.VIEWER)
    public MltbViews.UserDetail user(@PathParam("userId") String id) {
        UserStats u = reports.user(id);
        return new MltbViews.UserDetail(
                u.userId(),
                u.username(),
                new MltbViews.Downloads(u.total(), u.successful(), u.failed()),
                CompatFigures.size(u.totalSize()),
                u.joinedDate(),
                u.lastActive());
    }
}
