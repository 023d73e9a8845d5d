package dev.hearth.downloads;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import jakarta.inject.Singleton;
import java.util.Base64;
import java.util.List;

/** The downloads actions, whatever the door: add a download, pause, resume or remove a task. Viewers read; operators act. */
@Singleton
public class DownloadActions implements ActionProvider {
    public static final String ADD = "downloads.add";
    public static final String PAUSE = "tasks.pause";
    public static final String RESUME = "tasks.resume";
    public static final String REMOVE = "tasks.remove";
    public static final String LIST = "tasks.list";
    public static final String COMPLETE = "downloads.complete";

    private final DownloadService downloads;

    public DownloadActions(DownloadService downloads) {
        this.downloads = downloads;
    }

    @Override
    public List<Action> actions() {
        Param taskId =
                Param.required("task_id", Type.STRING, "the task's id, <client>:<hash or gid> (GET /api/v1/tasks)");
        return List.of(
                new Action(
                        new ActionSpec(
                                ADD,
                                "Start a download from a magnet, an http(s) link or a .torrent file",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.optional("url", Type.STRING, "magnet:, http:// or https:// link"),
                                        Param.optional(
                                                "torrent_upload",
                                                Type.STRING,
                                                "id of a .torrent file uploaded to POST /api/v1/downloads"),
                                        Param.optional(
                                                "torrent_base64",
                                                Type.STRING,
                                                "a .torrent file, base64-encoded (for doors that carry only JSON)"),
                                        Param.optional(
                                                "torrent_filename",
                                                Type.STRING,
                                                "the .torrent file's name, with torrent_base64"),
                                        Param.optional(
                                                "client",
                                                Type.STRING,
                                                "download client (service name); default: the first that fits"),
                                        Param.optional(
                                                "category",
                                                Type.STRING,
                                                "category, e.g. movies; its save_path applies"),
                                        Param.optional(
                                                "destination",
                                                Type.STRING,
                                                "absolute directory to save into; wins over the category"))),
                        this::add),
                new Action(
                        new ActionSpec(PAUSE, "Pause a download task", Role.OPERATOR, false, List.of(taskId)),
                        call -> downloads.pause(call.string("task_id"))),
                new Action(
                        new ActionSpec(RESUME, "Resume a paused download task", Role.OPERATOR, false, List.of(taskId)),
                        call -> downloads.resume(call.string("task_id"))),
                new Action(
                        new ActionSpec(
                                REMOVE,
                                "Remove a download task from its client, and its downloaded data if asked",
                                Role.OPERATOR,
                                true,
                                List.of(
                                        taskId,
                                        Param.optional(
                                                "delete_data",
                                                Type.BOOLEAN,
                                                "also delete the downloaded files (default false)"))),
                        call -> downloads.remove(call.string("task_id"), call.flag("delete_data", false))),
                // The torrent client's completion hook: the webhook door, its secret checked, calls it as the caller
                // "webhook".
                new Action(
                        new ActionSpec(
                                COMPLETE,
                                "Record that a client finished a download (its completion hook)",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.required(
                                                "hash", Type.STRING, "the torrent's info-hash (or an aria2 gid)"),
                                        // The seeds' hooks send these too; they are accepted and ignored: name,
                                        // category and paths come from the client.
                                        Param.optional(
                                                "name", Type.STRING, "ignored: the client's own name for it is used"),
                                        Param.optional(
                                                "category", Type.STRING, "ignored: the client's category is used"),
                                        Param.optional(
                                                "save_path", Type.STRING, "ignored: the client's save path is used"),
                                        Param.optional("size", Type.INTEGER, "ignored: the client's figure is used"),
                                        Param.optional(
                                                "completion_time", Type.INTEGER, "when it finished, epoch seconds"),
                                        Param.optional(
                                                "client",
                                                Type.STRING,
                                                "the client (service name), where one hash could be on several"))),
                        call -> downloads.complete(new WebhookCompletion(
                                call.string("hash"),
                                call.optionalString("name").orElse(null),
                                call.optionalString("category").orElse(null),
                                call.optionalString("save_path").orElse(null),
                                call.params().has("size") ? call.integer("size") : null,
                                call.params().has("completion_time") ? call.integer("completion_time") : null,
                                call.optionalString("client").orElse(null)))),
                // a read, for the chat doors and MCP
                new Action(
                        new ActionSpec(
                                LIST,
                                "List download tasks with their progress, speed and time left",
                                Role.VIEWER,
                                false,
                                List.of(
                                        Param.optional(
                                                "status",
                                                Type.STRING,
                                                "active (default), completed, failed, all, or one status such as paused"),
                                        Param.optional(
                                                "limit", Type.INTEGER, "at most this many, 1 to 100 (default 20)"))),
                        this::list));
    }

    /** The answer of tasks.list: one page of tasks, how many match in all, and whether more follow. */
    public record TaskList(List<Task> tasks, long total, boolean hasMore) {}

    private TaskList list(ActionCall call) {
        long limit = call.params().has("limit") ? call.integer("limit") : 20;
        if (limit < 1 || limit > 100) throw ApiException.invalid("limit", "must be between 1 and 100");
        TaskPage page = downloads.list(
                StatusFilter.parse(call.optionalString("status").orElse("active")), null, (int) limit, 0);
        return new TaskList(page.tasks(), page.total(), page.hasMore());
    }

    private Task add(ActionCall call) {
        AddCommand.Upload upload = null;
        if (call.optionalString("torrent_upload").isPresent()) {
            upload = downloads.takeUpload(call.string("torrent_upload"));
        } else if (call.optionalString("torrent_base64").isPresent()) {
            try {
                upload = new AddCommand.Upload(
                        call.optionalString("torrent_filename").orElse("upload.torrent"),
                        Base64.getDecoder().decode(call.string("torrent_base64").trim()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("torrent_base64", "is not base64");
            }
        }
        AddCommand cmd = new AddCommand(
                call.optionalString("url").orElse(null),
                upload,
                call.optionalString("client").orElse(null),
                call.optionalString("category").orElse(null),
                call.optionalString("destination").orElse(null));
        return downloads.add(cmd, call.caller().label());
    }
}
