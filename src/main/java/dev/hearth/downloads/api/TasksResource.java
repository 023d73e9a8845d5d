package dev.hearth.downloads.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.StatusFilter;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.TaskPage;
import dev.hearth.downloads.TaskWithDetails;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Download tasks (seed MLTB): list with filters and pages, details with files/trackers/peers, pause, resume, remove. */
@Path("/api/v1/tasks")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {
    private final DownloadService downloads;
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public TasksResource(DownloadService downloads, ActionCatalog actions, CurrentCaller caller, ObjectMapper json) {
        this.downloads = downloads;
        this.actions = actions;
        this.caller = caller;
        this.json = json;
    }

    /** {@code status}: active, completed (data complete, seeding or not), failed, all, or one exact status; {@code category}: the client's label, exactly. */
    @GET
    @Allow(Role.VIEWER)
    public Map<String, Object> list(
            @QueryParam("status") @Nullable String status,
            @QueryParam("client") @Nullable String client,
            @QueryParam("category") @Nullable String category,
            @QueryParam("limit") @Nullable String limit,
            @QueryParam("offset") @Nullable String offset) {
        StatusFilter filter = StatusFilter.parse(status);
        int l = Params.integer(limit, "limit", 50, 1, 1000);
        int o = Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        TaskPage page = downloads.list(
                filter,
                client == null || client.isBlank() ? null : client.trim(),
                category == null || category.isBlank() ? null : category.trim(),
                l,
                o);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tasks", Views.tasks(page.tasks(), downloads));
        answer.put("total", page.total());
        answer.put("limit", l);
        answer.put("offset", o);
        answer.put("has_more", page.hasMore());
        answer.put("page", o / l + 1);
        return answer;
    }

    @GET
    @Path("/{id}")
    @Allow(Role.VIEWER)
    public ObjectNode get(@PathParam("id") String id) {
        TaskWithDetails d = downloads.details(id);
        ObjectNode answer = json.valueToTree(Views.task(d.task(), Views.states(downloads)));
        answer.set("files", json.valueToTree(d.files()));
        answer.set("trackers", json.valueToTree(d.trackers()));
        answer.set("peers", json.valueToTree(d.peers()));
        answer.put("details_unavailable", d.unavailable());
        return answer;
    }

    @POST
    @Path("/{id}/pause")
    @Allow(Role.OPERATOR)
    public Map<String, Object> pause(@PathParam("id") String id) {
        return acted(DownloadActions.PAUSE, id, "paused");
    }

    @POST
    @Path("/{id}/resume")
    @Allow(Role.OPERATOR)
    public Map<String, Object> resume(@PathParam("id") String id) {
        return acted(DownloadActions.RESUME, id, "resumed");
    }

    private Map<String, Object> acted(String action, String id, String done) {
        Task t = (Task)
                actions.invoke(action, JsonNodeFactory.instance.objectNode().put("task_id", id), caller.get(), "rest");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", "Task " + t.id() + " " + done);
        answer.put("task", Views.task(t, Views.states(downloads)));
        return answer;
    }

    /** Cancels the task on its client; {@code delete_data=true} deletes the downloaded files too. */
    @DELETE
    @Path("/{id}")
    @Allow(Role.OPERATOR)
    public Map<String, Object> remove(
            @PathParam("id") String id, @QueryParam("delete_data") @Nullable String deleteData) {
        boolean delete = Human.flag(deleteData, "delete_data", false);
        Task t = (Task) actions.invoke(
                DownloadActions.REMOVE,
                JsonNodeFactory.instance.objectNode().put("task_id", id).put("delete_data", delete),
                caller.get(),
                "rest");
        return Map.of(
                "success", true, "message", "Task cancelled successfully", "task_id", t.id(), "data_deleted", delete);
    }
}
