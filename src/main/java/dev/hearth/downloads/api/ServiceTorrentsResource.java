package dev.hearth.downloads.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.StatusFilter;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.TaskDetails;
import dev.hearth.downloads.TaskPage;
import dev.hearth.downloads.TaskWithDetails;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.platform.web.Paged;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The seed Moccha's Deluge routes, for any configured download client: {@code /api/v1/services/{name}/…}
 * with the seed's field names (download_rate, total_wanted, state "Downloading"). A door only: the same
 * service and actions as {@code /api/v1/tasks}; {@code {id}} is the client's own id (the info-hash).
 * The class path is the services feature's own prefix so the two resources merge rather than shadow.
 */
@Path("/api/v1/services")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class ServiceTorrentsResource {
    private final DownloadService downloads;
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public ServiceTorrentsResource(
            DownloadService downloads, ActionCatalog actions, CurrentCaller caller, ObjectMapper json) {
        this.downloads = downloads;
        this.actions = actions;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Path("/{name}/torrents")
    @Allow(Role.VIEWER)
    public TorrentList torrents(
            @PathParam("name") String name,
            @QueryParam("limit") @Nullable String limit,
            @QueryParam("offset") @Nullable String offset) {
        TaskPage page = downloads.list(
                new StatusFilter.All(),
                name,
                Params.integer(limit, "limit", 500, 1, 500),
                Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE));
        List<TorrentView> torrents = page.tasks().stream().map(TorrentView::of).toList();
        return new TorrentList(
                true, torrents, torrents.size(), page.total(), page.hasMore(), page.limit(), page.offset());
    }

    /** The seed's list ({@code success}, {@code torrents}, {@code count}) in the paging envelope. */
    public record TorrentList(
            boolean success, List<TorrentView> torrents, int count, long total, boolean hasMore, int limit, int offset)
            implements Paged {}

    /** {@code {"torrent_url": "magnet:?…"}}; a {@code torrent_file} path on the server is not taken — upload it to POST /api/v1/downloads. */
    @POST
    @Path("/{name}/torrents")
    @Allow(Role.OPERATOR)
    public Response add(@PathParam("name") String name, @Nullable String body) {
        JsonNode b = parse(body);
        if (b.hasNonNull("torrent_file")) {
            throw ApiException.invalid(
                    "torrent_file",
                    "Hearth does not read files from its own disk: upload the .torrent to POST /api/v1/downloads "
                            + "(multipart field 'torrent')");
        }
        JsonNode url = b.get("torrent_url");
        if (url == null || !url.isTextual())
            throw ApiException.invalid("torrent_url", "is required (a magnet, http or https link)");
        ObjectNode params =
                JsonNodeFactory.instance.objectNode().put("url", url.asText()).put("client", name);
        Task t = (Task) actions.invoke(DownloadActions.ADD, params, caller.get(), "rest");
        return Response.status(201)
                .entity(new TorrentAdded(true, "Torrent added successfully", t.clientTaskId(), t.id()))
                .build();
    }

    public record TorrentAdded(boolean success, String message, String torrentId, String taskId) {}

    @GET
    @Path("/{name}/torrents/{id}")
    @Allow(Role.VIEWER)
    public TorrentAnswer torrent(@PathParam("name") String name, @PathParam("id") String id) {
        TaskWithDetails d = downloads.details(downloads.get(name, id).id());
        List<FileView> files = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < d.files().size(); i++) {
            TaskDetails.FileEntry f = d.files().get(i);
            files.add(new FileView(i, f.path(), f.size(), offset, f.progress(), f.priority()));
            offset += f.size();
        }
        List<TrackerView> trackers = new ArrayList<>();
        for (int i = 0; i < d.trackers().size(); i++) {
            TaskDetails.Tracker t = d.trackers().get(i);
            // The capability keeps trackers in tier order but not their tier; the position is the nearest honest
            // figure.
            trackers.add(new TrackerView(t.url(), i, t.status(), t.peers(), t.message()));
        }
        return new TorrentAnswer(
                true,
                TorrentDetail.of(
                        TorrentView.of(d.task()),
                        files,
                        trackers,
                        d.peers().stream().map(PeerView::of).toList(),
                        d.unavailable()));
    }

    public record TorrentAnswer(boolean success, TorrentDetail torrent) {}

    @POST
    @Path("/{name}/torrents/{id}/pause")
    @Allow(Role.OPERATOR)
    public Done pause(@PathParam("name") String name, @PathParam("id") String id) {
        Task t = downloads.get(name, id);
        actions.invoke(
                DownloadActions.PAUSE,
                JsonNodeFactory.instance.objectNode().put("task_id", t.id()),
                caller.get(),
                "rest");
        return new Done(true, "Torrent " + t.clientTaskId() + " paused");
    }

    /** The seed's answer to a change: {@code success} and what was done. */
    public record Done(boolean success, String message) {}

    @POST
    @Path("/{name}/torrents/{id}/resume")
    @Allow(Role.OPERATOR)
    public Done resume(@PathParam("name") String name, @PathParam("id") String id) {
        Task t = downloads.get(name, id);
        actions.invoke(
                DownloadActions.RESUME,
                JsonNodeFactory.instance.objectNode().put("task_id", t.id()),
                caller.get(),
                "rest");
        return new Done(true, "Torrent " + t.clientTaskId() + " resumed");
    }

    /** Body {@code {"remove_data": true}} (the seed's word) or {@code {"delete_data": true}}, or the same as a query parameter. */
    @POST
    @Path("/{name}/torrents/{id}/remove")
    @Allow(Role.OPERATOR)
    public Done remove(
            @PathParam("name") String name,
            @PathParam("id") String id,
            @QueryParam("delete_data") @Nullable String deleteData,
            @QueryParam("remove_data") @Nullable String removeData,
            @Nullable String body) {
        JsonNode b = parse(body);
        boolean delete = Human.flag(
                deleteData != null ? deleteData : removeData,
                deleteData != null ? "delete_data" : "remove_data",
                false);
        for (String field : List.of("remove_data", "delete_data")) {
            JsonNode v = b.get(field);
            if (v == null || v.isNull()) continue;
            if (!v.isBoolean()) throw ApiException.invalid(field, "must be true or false");
            delete = v.asBoolean();
        }
        Task t = downloads.get(name, id);
        actions.invoke(
                DownloadActions.REMOVE,
                JsonNodeFactory.instance.objectNode().put("task_id", t.id()).put("delete_data", delete),
                caller.get(),
                "rest");
        return new Done(true, "Torrent " + t.clientTaskId() + " removed");
    }

    @GET
    @Path("/{name}/peers/{id}")
    @Allow(Role.VIEWER)
    public PeerList peers(@PathParam("name") String name, @PathParam("id") String id) {
        TaskWithDetails d = downloads.details(downloads.get(name, id).id());
        List<PeerView> peers = d.peers().stream().map(PeerView::of).toList();
        return new PeerList(true, peers, peers.size(), d.unavailable());
    }

    public record PeerList(
            boolean success,
            List<PeerView> peers,
            int count,
            @Nullable String detailsUnavailable) {}

    private JsonNode parse(@Nullable String body) {
        if (body == null || body.isBlank()) return JsonNodeFactory.instance.objectNode();
        try {
            JsonNode n = json.readTree(body);
            if (!n.isObject()) throw new ApiException(ErrorCode.INVALID_INPUT, "Send a JSON object");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(ErrorCode.INVALID_INPUT, "Malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** A torrent with the seed Moccha's (Deluge's) field names; {@code id} is the client's own. */
    public record TorrentView(
            String id,
            String taskId,
            String name,
            double progress,
            String state,
            long downloadRate,
            long uploadRate,
            int seeds,
            int peers,
            long totalWanted,
            long totalDone,
            long eta,
            double ratio,
            String savePath) {
        static TorrentView of(Task t) {
            return new TorrentView(
                    t.clientTaskId(),
                    t.id(),
                    t.name().isEmpty() ? t.clientTaskId() : t.name(),
                    Math.round(t.progress() * 10) / 10.0,
                    t.status().delugeWord(),
                    t.downloadSpeed(),
                    t.uploadSpeed(),
                    t.seeds(),
                    t.peers(),
                    t.size(),
                    t.downloaded(),
                    t.eta(),
                    t.ratio(),
                    t.savePath());
        }
    }

    /** A torrent's details: its list fields, then files, trackers and the peers themselves (in place of their count). */
    public record TorrentDetail(
            String id,
            String taskId,
            String name,
            double progress,
            String state,
            long downloadRate,
            long uploadRate,
            int seeds,
            List<PeerView> peers,
            long totalWanted,
            long totalDone,
            long eta,
            double ratio,
            String savePath,
            List<FileView> files,
            List<TrackerView> trackers,
            @Nullable String detailsUnavailable) {
        static TorrentDetail of(
                TorrentView t,
                List<FileView> files,
                List<TrackerView> trackers,
                List<PeerView> peers,
                @Nullable String gone) {
            return new TorrentDetail(
                    t.id(),
                    t.taskId(),
                    t.name(),
                    t.progress(),
                    t.state(),
                    t.downloadRate(),
                    t.uploadRate(),
                    t.seeds(),
                    peers,
                    t.totalWanted(),
                    t.totalDone(),
                    t.eta(),
                    t.ratio(),
                    t.savePath(),
                    files,
                    trackers,
                    gone);
        }
    }

    public record FileView(int index, String path, long size, long offset, double progress, int priority) {}

    public record TrackerView(String url, int tier, String status, int peers, String message) {}

    public record PeerView(
            String peerId, String ip, double progress, long downSpeed, long upSpeed, String client, String country) {
        static PeerView of(TaskDetails.Peer p) {
            return new PeerView(
                    p.address(),
                    hostOf(p.address()),
                    p.progress(),
                    p.downloadSpeed(),
                    p.uploadSpeed(),
                    p.client(),
                    p.country());
        }
    }

    private static String hostOf(String address) {
        if (address.startsWith("[")) return address.substring(1, Math.max(1, address.indexOf(']')));
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }
}
