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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public Map<String, Object> torrents(
            @PathParam("name") String name,
            @QueryParam("limit") @Nullable String limit,
            @QueryParam("offset") @Nullable String offset) {
        TaskPage page = downloads.list(
                new StatusFilter.All(),
                name,
                Params.integer(limit, "limit", 500, 1, 500),
                Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put(
                "torrents",
                page.tasks().stream().map(ServiceTorrentsResource::torrent).toList());
        answer.put("count", page.tasks().size());
        answer.put("total", page.total());
        answer.put("has_more", page.hasMore());
        return answer;
    }

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
                .entity(Map.of(
                        "success",
                        true,
                        "message",
                        "Torrent added successfully",
                        "torrent_id",
                        t.clientTaskId(),
                        "task_id",
                        t.id()))
                .build();
    }

    @GET
    @Path("/{name}/torrents/{id}")
    @Allow(Role.VIEWER)
    public Map<String, Object> torrent(@PathParam("name") String name, @PathParam("id") String id) {
        TaskWithDetails d = downloads.details(downloads.get(name, id).id());
        Map<String, Object> torrent = torrent(d.task());
        List<Map<String, Object>> files = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < d.files().size(); i++) {
            TaskDetails.FileEntry f = d.files().get(i);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("index", i);
            file.put("path", f.path());
            file.put("size", f.size());
            file.put("offset", offset);
            file.put("progress", f.progress());
            file.put("priority", f.priority());
            files.add(file);
            offset += f.size();
        }
        List<Map<String, Object>> trackers = new ArrayList<>();
        for (int i = 0; i < d.trackers().size(); i++) {
            TaskDetails.Tracker t = d.trackers().get(i);
            // The capability keeps trackers in tier order but not their tier; the position is the nearest honest
            // figure.
            trackers.add(Map.of(
                    "url", t.url(), "tier", i, "status", t.status(), "peers", t.peers(), "message", t.message()));
        }
        torrent.put("files", files);
        torrent.put("trackers", trackers);
        torrent.put(
                "peers", d.peers().stream().map(ServiceTorrentsResource::peer).toList());
        torrent.put("details_unavailable", d.unavailable());
        return Map.of("success", true, "torrent", torrent);
    }

    @POST
    @Path("/{name}/torrents/{id}/pause")
    @Allow(Role.OPERATOR)
    public Map<String, Object> pause(@PathParam("name") String name, @PathParam("id") String id) {
        Task t = downloads.get(name, id);
        actions.invoke(
                DownloadActions.PAUSE,
                JsonNodeFactory.instance.objectNode().put("task_id", t.id()),
                caller.get(),
                "rest");
        return Map.of("success", true, "message", "Torrent " + t.clientTaskId() + " paused");
    }

    @POST
    @Path("/{name}/torrents/{id}/resume")
    @Allow(Role.OPERATOR)
    public Map<String, Object> resume(@PathParam("name") String name, @PathParam("id") String id) {
        Task t = downloads.get(name, id);
        actions.invoke(
                DownloadActions.RESUME,
                JsonNodeFactory.instance.objectNode().put("task_id", t.id()),
                caller.get(),
                "rest");
        return Map.of("success", true, "message", "Torrent " + t.clientTaskId() + " resumed");
    }

    /** Body {@code {"remove_data": true}} (the seed's word) or {@code {"delete_data": true}}, or the same as a query parameter. */
    @POST
    @Path("/{name}/torrents/{id}/remove")
    @Allow(Role.OPERATOR)
    public Map<String, Object> remove(
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
        return Map.of("success", true, "message", "Torrent " + t.clientTaskId() + " removed");
    }

    @GET
    @Path("/{name}/peers/{id}")
    @Allow(Role.VIEWER)
    public Map<String, Object> peers(@PathParam("name") String name, @PathParam("id") String id) {
        TaskWithDetails d = downloads.details(downloads.get(name, id).id());
        List<Map<String, Object>> peers =
                d.peers().stream().map(ServiceTorrentsResource::peer).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("peers", peers);
        answer.put("count", peers.size());
        answer.put("details_unavailable", d.unavailable());
        return answer;
    }

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

    static Map<String, Object> torrent(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.clientTaskId());
        m.put("task_id", t.id());
        m.put("name", t.name().isEmpty() ? t.clientTaskId() : t.name());
        m.put("progress", Math.round(t.progress() * 10) / 10.0);
        m.put("state", t.status().delugeWord());
        m.put("download_rate", t.downloadSpeed());
        m.put("upload_rate", t.uploadSpeed());
        m.put("seeds", t.seeds());
        m.put("peers", t.peers());
        m.put("total_wanted", t.size());
        m.put("total_done", t.downloaded());
        m.put("eta", t.eta());
        m.put("ratio", t.ratio());
        m.put("save_path", t.savePath());
        return m;
    }

    static Map<String, Object> peer(TaskDetails.Peer p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peer_id", p.address());
        m.put("ip", hostOf(p.address()));
        m.put("progress", p.progress());
        m.put("down_speed", p.downloadSpeed());
        m.put("up_speed", p.uploadSpeed());
        m.put("client", p.client());
        m.put("country", p.country());
        return m;
    }

    private static String hostOf(String address) {
        if (address.startsWith("[")) return address.substring(1, Math.max(1, address.indexOf(']')));
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }
}
