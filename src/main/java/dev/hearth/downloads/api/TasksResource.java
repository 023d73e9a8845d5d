package dev.hearth.downloads.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import dev.hearth.platform.web.Paged;
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
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Download tasks (seed MLTB): list with filters and pages, details with files/trackers/peers, pause, resume, remove. */
@Path("/api/v1/tasks")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {
    private final DownloadService downloads;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public TasksResource(DownloadService downloads, ActionCatalog actions, CurrentCaller caller) {
        this.downloads = downloads;
        this.actions = actions;
        this.caller = caller;
    }

    /** {@code status}: active, completed (data complete, seeding or not), failed, all, or one exact status; {@code category}: the client's label, exactly. */
    @GET
    @Allow(Role.VIEWER)
    public TaskList list(
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
        return new TaskList(Views.tasks(page.tasks(), downloads), page.total(), l, o, page.hasMore(), o / l + 1);
    }

    /** One page of tasks; {@code page} is the seed's 1-based page number. */
    public record TaskList(List<TaskView> tasks, long total, int limit, int offset, boolean hasMore, int page)
            implements Paged {}

    @GET
    @Path("/{id}")
    @Allow(Role.VIEWER)
    public TaskDetail get(@PathParam("id") String id) {
        TaskWithDetails d = downloads.details(id);
        return new TaskDetail(
                Views.task(d.task(), Views.states(downloads)), d.files(), d.trackers(), d.peers(), d.unavailable());
    }

    /** A task's fields with its files, trackers and peers beside them; {@code details_unavailable} says why its client could not tell them. */
    public record TaskDetail(
            @JsonUnwrapped TaskView task,
            List<TaskDetails.FileEntry> files,
            List<TaskDetails.Tracker> trackers,
            List<TaskDetails.Peer> peers,
            @Nullable String detailsUnavailable) {}

    @POST
    @Path("/{id}/pause")
    @Allow(Role.OPERATOR)
    public TaskActed pause(@PathParam("id") String id) {
        return acted(DownloadActions.PAUSE, id, "paused");
    }

    @POST
    @Path("/{id}/resume")
    @Allow(Role.OPERATOR)
    public TaskActed resume(@PathParam("id") String id) {
        return acted(DownloadActions.RESUME, id, "resumed");
    }

    private TaskActed acted(String action, String id, String done) {
        Task t = (Task)
                actions.invoke(action, JsonNodeFactory.instance.objectNode().put("task_id", id), caller.get(), "rest");
        return new TaskActed(true, "Task " + t.id() + " " + done, Views.task(t, Views.states(downloads)));
    }

    public record TaskActed(boolean success, String message, TaskView task) {}

    /** Cancels the task on its client; {@code delete_data=true} deletes the downloaded files too. */
    @DELETE
    @Path("/{id}")
    @Allow(Role.OPERATOR)
    public TaskRemoved remove(@PathParam("id") String id, @QueryParam("delete_data") @Nullable String deleteData) {
        boolean delete = Human.flag(deleteData, "delete_data", false);
        Task t = (Task) actions.invoke(
                DownloadActions.REMOVE,
                JsonNodeFactory.instance.objectNode().put("task_id", id).put("delete_data", delete),
                caller.get(),
                "rest");
        return new TaskRemoved(true, "Task cancelled successfully", t.id(), delete);
    }

    public record TaskRemoved(boolean success, String message, String taskId, boolean dataDeleted) {}
}
