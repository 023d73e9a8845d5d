package dev.hearth.compat.moccha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.admin.RemoteAdmin;
import dev.hearth.compat.CompatBodies;
import dev.hearth.downloads.ClientState;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.StatusFilter;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.TaskDetails;
import dev.hearth.downloads.TaskWithDetails;
import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MetricsCollector;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.HealthBoard;
import dev.hearth.services.RuntimeDispatch;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.ServiceConfigurator;
import dev.hearth.services.ServiceRegistry;
import dev.hearth.system.SystemInfo;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Moccha's service, Deluge and system routes under {@code /compat/moccha}. The "deluge" routes answer for
 * any download client by its service name. Translation only: the services, downloads and monitoring
 * features answer, and every change goes through the action catalog.
 */
@Path(MocchaDoor.PREFIX)
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class MocchaResource {
    private static final String DOOR = "rest";
    private final ServiceRegistry registry;
    private final HealthBoard board;
    private final RuntimeDispatch runtimes;
    private final ServiceConfigurator configurator;
    private final DownloadService downloads;
    private final MetricsCollector metrics;
    private final SystemInfo system;
    private final RemoteAdmin admin;
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public MocchaResource(
            ServiceRegistry registry,
            HealthBoard board,
            RuntimeDispatch runtimes,
            ServiceConfigurator configurator,
            DownloadService downloads,
            MetricsCollector metrics,
            SystemInfo system,
            RemoteAdmin admin,
            ActionCatalog actions,
            CurrentCaller caller,
            ObjectMapper json) {
        this.registry = registry;
        this.board = board;
        this.runtimes = runtimes;
        this.configurator = configurator;
        this.downloads = downloads;
        this.metrics = metrics;
        this.system = system;
        this.admin = admin;
        this.actions = actions;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Path("/services")
    @Allow(Role.VIEWER)
    public MocchaViews.Names services() {
        List<String> names = List.copyOf(registry.names());
        return new MocchaViews.Names(true, names, names.size());
    }

    @GET
    @Path("/services/status")
    @Allow(Role.VIEWER)
    public MocchaViews.AllStatus allStatus() {
        Map<String, MocchaViews.ServiceStatus> all = new LinkedHashMap<>();
        for (String name : registry.names()) all.put(name, status(name, true));
        return new MocchaViews.AllStatus(true, all);
    }

    @GET
    @Path("/services/{service_name}/status")
    @Allow(Role.VIEWER)
    public MocchaViews.ServiceStatus serviceStatus(@PathParam("service_name") String name) {
        registry.service(name);
        return status(name, false);
    }

    private MocchaViews.ServiceStatus status(String name, boolean withStats) {
        RuntimeStatus st = runtimes.status(name);
        boolean connected = board.health(name).status() == Health.Status.ONLINE;
        MocchaViews.Transfer stats = withStats
                ? client(name)
                        .map(ClientState::stats)
                        .map(s -> new MocchaViews.Transfer(s.uploadSpeed(), s.downloadSpeed(), s.dhtNodes()))
                        .orElse(null)
                : null;
        return new MocchaViews.ServiceStatus(st.running(), st.host(), st.port(), null, connected, stats);
    }

    private Optional<ClientState> client(String name) {
        return downloads.clients().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    @POST
    @Path("/services/{service_name}/start")
    @Allow(Role.OPERATOR)
    public Object start(@PathParam("service_name") String name) {
        return act("services.start", name);
    }

    @POST
    @Path("/services/{service_name}/stop")
    @Allow(Role.OPERATOR)
    public Object stop(@PathParam("service_name") String name) {
        return act("services.stop", name);
    }

    @POST
    @Path("/services/{service_name}/restart")
    @Allow(Role.OPERATOR)
    public Object restart(@PathParam("service_name") String name) {
        return act("services.restart", name);
    }

    private Object act(String action, String name) {
        registry.service(name); // 404 naming the known services before anything is audited
        return actions.invoke(action, JsonNodeFactory.instance.objectNode().put("name", name), caller.get(), DOOR);
    }

    @GET
    @Path("/services/config")
    @Allow(Role.VIEWER)
    public MocchaViews.AllConfig allConfig() {
        var config = new LinkedHashMap<String, dev.hearth.services.ServiceSettingsView>();
        registry.names().forEach(n -> config.put(n, configurator.settingsOf(n)));
        return new MocchaViews.AllConfig(true, config);
    }

    @GET
    @Path("/services/config/{service_name}")
    @Allow(Role.VIEWER)
    public MocchaViews.OneConfig config(@PathParam("service_name") String name) {
        registry.service(name);
        return new MocchaViews.OneConfig(true, name, configurator.settingsOf(name));
    }

    /** {@code {"service_name": "deluge", "config": {...}}}; a key Hearth cannot honour is a 400 that names it. */
    @POST
    @Path("/services/config")
    @Allow(Role.ADMIN)
    public MocchaViews.Done updateConfig(@Nullable String body) {
        JsonNode b = CompatBodies.object(json, body);
        String name = CompatBodies.text(b, "service_name", "is required: the service to configure");
        registry.service(name);
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", name);
        params.set("changes", b.has("config") ? b.get("config") : JsonNodeFactory.instance.objectNode());
        actions.invoke("services.configure", params, caller.get(), DOOR);
        return new MocchaViews.Done(true, "Configuration updated for " + name);
    }

    @GET
    @Path("/services/{service_name}/torrents")
    @Allow(Role.VIEWER)
    public MocchaViews.Torrents torrents(@PathParam("service_name") String name) {
        List<MocchaViews.Torrent> torrents = downloads.list(new StatusFilter.All(), name, 500, 0).tasks().stream()
                .map(MocchaViews.Torrent::of)
                .toList();
        return new MocchaViews.Torrents(true, torrents, torrents.size());
    }

    /** {@code torrent_url} (magnet or link); a {@code torrent_file} path on the server is refused: Hearth reads no caller-named file. */
    @POST
    @Path("/services/{service_name}/torrents")
    @Allow(Role.OPERATOR)
    public MocchaViews.Added add(@PathParam("service_name") String name, @Nullable String body) {
        JsonNode b = CompatBodies.object(json, body);
        if (b.hasNonNull("torrent_file")) {
            throw ApiException.invalid(
                    "torrent_file",
                    "Hearth does not read files named by a caller from its own disk: send torrent_url, or upload the "
                            + ".torrent to POST /api/v1/downloads (multipart field 'torrent')");
        }
        String url = CompatBodies.text(b, "torrent_url", "is required (a magnet, http or https link)");
        ObjectNode params =
                JsonNodeFactory.instance.objectNode().put("url", url).put("client", name);
        Task t = (Task) actions.invoke(DownloadActions.ADD, params, caller.get(), DOOR);
        return new MocchaViews.Added(true, "Torrent added successfully", t.clientTaskId(), t.id());
    }

    @GET
    @Path("/services/{service_name}/torrents/{torrent_id}")
    @Allow(Role.VIEWER)
    public MocchaViews.OneTorrent torrent(@PathParam("service_name") String name, @PathParam("torrent_id") String id) {
        TaskWithDetails d = downloads.details(downloads.get(name, id).id());
        Task t = d.task();
        List<MocchaViews.File> files = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < d.files().size(); i++) {
            TaskDetails.FileEntry f = d.files().get(i);
            files.add(new MocchaViews.File(i, f.path(), f.size(), offset));
            offset += f.size();
        }
        List<MocchaViews.Tracker> trackers = new ArrayList<>();
        for (int i = 0; i < d.trackers().size(); i++)
            trackers.add(new MocchaViews.Tracker(d.trackers().get(i).url(), i));
        MocchaViews.Torrent row = MocchaViews.Torrent.of(t);
        return new MocchaViews.OneTorrent(
                true,
                new MocchaViews.TorrentDetail(
                        row.id(),
                        row.name(),
                        row.progress(),
                        row.state(),
                        row.downloadRate(),
                        row.uploadRate(),
                        row.seeds(),
                        row.totalWanted(),
                        row.totalDone(),
                        row.eta(),
                        row.ratio(),
                        files,
                        trackers,
                        d.peers().stream().map(MocchaViews.Peer::of).toList()));
    }

    @POST
    @Path("/services/{service_name}/torrents/{torrent_id}/pause")
    @Allow(Role.OPERATOR)
    public MocchaViews.Done pause(@PathParam("service_name") String name, @PathParam("torrent_id") String id) {
        Task t = downloads.get(name, id);
        actions.invoke(DownloadActions.PAUSE, taskParam(t), caller.get(), DOOR);
        return new MocchaViews.Done(true, "Torrent " + t.clientTaskId() + " paused");
    }

    @POST
    @Path("/services/{service_name}/torrents/{torrent_id}/resume")
    @Allow(Role.OPERATOR)
    public MocchaViews.Done resume(@PathParam("service_name") String name, @PathParam("torrent_id") String id) {
        Task t = downloads.get(name, id);
        actions.invoke(DownloadActions.RESUME, taskParam(t), caller.get(), DOOR);
        return new MocchaViews.Done(true, "Torrent " + t.clientTaskId() + " resumed");
    }

    /** Body {@code {"remove_data": false}} (optional). */
    @POST
    @Path("/services/{service_name}/torrents/{torrent_id}/remove")
    @Allow(Role.OPERATOR)
    public MocchaViews.Done remove(
            @PathParam("service_name") String name, @PathParam("torrent_id") String id, @Nullable String body) {
        JsonNode b = CompatBodies.object(json, body);
        JsonNode flag = b.get("remove_data");
        if (flag != null && !flag.isNull() && !flag.isBoolean())
            throw ApiException.invalid("remove_data", "must be true or false");
        Task t = downloads.get(name, id);
        actions.invoke(
                DownloadActions.REMOVE,
                taskParam(t).put("delete_data", flag != null && flag.asBoolean()),
                caller.get(),
                DOOR);
        return new MocchaViews.Done(true, "Torrent " + t.clientTaskId() + " removed");
    }

    private static ObjectNode taskParam(Task t) {
        return JsonNodeFactory.instance.objectNode().put("task_id", t.id());
    }

    @GET
    @Path("/services/{service_name}/stats")
    @Allow(Role.VIEWER)
    public MocchaViews.Stats stats(@PathParam("service_name") String name) {
        ClientState c = downloads.client(name);
        var s = c.stats();
        if (s == null) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Download client '" + name + "' has not answered yet: "
                            + c.health().message(),
                    Map.of("client", name));
        }
        long peers = downloads.list(new StatusFilter.All(), name, 500, 0).tasks().stream()
                .mapToLong(Task::peers)
                .sum();
        return new MocchaViews.Stats(true, MocchaViews.ClientFigures.of(s, peers));
    }

    @GET
    @Path("/services/{service_name}/peers/{torrent_id}")
    @Allow(Role.VIEWER)
    public MocchaViews.Peers peers(@PathParam("service_name") String name, @PathParam("torrent_id") String id) {
        TaskWithDetails d = downloads.details(downloads.get(name, id).id());
        List<MocchaViews.Peer> peers =
                d.peers().stream().map(MocchaViews.Peer::of).toList();
        return new MocchaViews.Peers(true, peers, peers.size());
    }

    /**
     * The host's figures in Moccha's names; {@code uptime} is Hearth's, as Python prints a timedelta.
     * {@code executions} counts remote-admin calls, {@code variables} the Python worker's; both 0 when remote
     * administration is off, and {@code variables} shown to admins only.
     */
    @GET
    @Path("/status")
    @Allow(Role.VIEWER)
    public MocchaViews.SystemStatus status() {
        HostSnapshot s = metrics.last();
        HostSnapshot.Disk disk = metrics.primaryDisk(s);
        MocchaViews.Gpu gpu = s.gpus().isEmpty() ? null : gpuOf(s.gpus().getFirst());
        Caller c = caller.get();
        boolean admins = admin.enabled() && c.may(Role.ADMIN);
        return new MocchaViews.SystemStatus(
                timedelta(system.uptime()),
                round(s.cpu().usage()),
                s.cpu().cores().size(),
                gb(s.memory().total()),
                gb(s.memory().used()),
                round(s.memory().usage()),
                gb(disk.total()),
                gb(disk.free()),
                gpu,
                admin.enabled() ? admin.historyCount() : 0,
                admins ? admin.status(c, DOOR).worker().variables() : 0);
    }

    private static MocchaViews.Gpu gpuOf(HostSnapshot.Gpu g) {
        return new MocchaViews.Gpu(
                g.name(), g.memoryUsed() / (1024 * 1024), g.memoryTotal() / (1024 * 1024), Math.round(g.usage()));
    }

    private static double gb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024 * 1024) * 10) / 10.0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Python's {@code str(timedelta)}: "0:30:45.123456", or "2 days, 3:04:05.000000". */
    static String timedelta(Duration d) {
        long days = d.toDays();
        String clock = String.format(
                "%d:%02d:%02d.%06d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart(), d.toNanosPart() / 1000);
        return days == 0 ? clock : days + (days == 1 ? " day, " : " days, ") + clock;
    }
}
