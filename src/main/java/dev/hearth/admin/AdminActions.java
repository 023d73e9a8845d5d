package dev.hearth.admin;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Role;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Remote administration as catalog actions, so every call is role-checked and audited (who, which door, the
 * input with long values cut, the outcome) whatever the door. When remote admin is off there are none: the
 * catalog, the action list and every tool list generated from it do not know they exist.
 */
@Singleton
public class AdminActions implements ActionProvider {
    public static final String SHELL = "admin.shell";
    public static final String PYTHON_EXECUTE = "admin.python_execute";
    public static final String PYTHON_INSTALL = "admin.python_install";
    public static final String PYTHON_RESTART = "admin.python_restart";
    public static final String VARIABLE_DELETE = "admin.variable_delete";
    public static final String FILES_LIST = "admin.files_list";
    public static final String FILE_DOWNLOAD = "admin.file_download";
    public static final String FILE_UPLOAD = "admin.file_upload";
    public static final String JOB_START = "admin.job_start";
    public static final String JOB_CANCEL = "admin.job_cancel";
    private static final String NOT_FOR_CHAT =
            " Admin only; not open to chat, LLM or MCP unless remote_admin.allow_chat.";

    /** The answer of admin.python_restart: whether a worker was running and is now stopped. */
    public record WorkerStopped(boolean stopped) {}

    /** The answer of admin.variable_delete: the name of the variable deleted. */
    public record VariableDeleted(String deleted) {}

    private final RemoteAdmin admin;

    public AdminActions(RemoteAdmin admin) {
        this.admin = admin;
    }

    @Override
    public List<Action> actions() {
        if (!admin.enabled()) return List.of();
        Param timeout = Param.optional("timeout", Type.INTEGER, "time limit in seconds");
        return List.of(
                action(
                        SHELL,
                        "Run a command on the server (no shell unless remote_admin.shell)",
                        true,
                        List.of(Param.required("command", Type.STRING, "the command line"), timeout),
                        c -> admin.shell(c.caller(), c.door(), c.string("command"), seconds(c))),
                action(
                        PYTHON_EXECUTE,
                        "Run Python code in the workspace's worker; its variables persist between calls",
                        true,
                        List.of(Param.required("code", Type.STRING, "Python source"), timeout),
                        c -> admin.execute(c.caller(), c.door(), c.string("code"), seconds(c))),
                action(
                        PYTHON_INSTALL,
                        "Install a Python package into the workspace's environment with pip",
                        true,
                        List.of(
                                Param.required(
                                        "package", Type.STRING, "name with an optional version, e.g. requests==2.31.0"),
                                timeout),
                        c -> admin.install(c.caller(), c.door(), c.string("package"), seconds(c))),
                action(
                        PYTHON_RESTART,
                        "Stop the Python worker; its variables are lost",
                        true,
                        List.of(),
                        c -> new WorkerStopped(admin.restartWorker(c.caller(), c.door()))),
                action(
                        VARIABLE_DELETE,
                        "Delete a variable of the Python worker",
                        true,
                        List.of(Param.required("name", Type.STRING, "the variable's name")),
                        c -> new VariableDeleted(admin.deleteVariable(c.caller(), c.door(), c.string("name")))),
                action(
                        FILES_LIST,
                        "List a directory inside the remote-admin roots",
                        false,
                        List.of(
                                Param.optional("path", Type.STRING, "directory; relative paths start at the workspace"),
                                Param.optional("limit", Type.INTEGER, "entries per page (default 500)"),
                                Param.optional("offset", Type.INTEGER, "entries to skip")),
                        c -> admin.list(
                                c.caller(),
                                c.door(),
                                c.optionalString("path").orElse(""),
                                (int) optionalInt(c, "limit", 500),
                                (int) optionalInt(c, "offset", 0))),
                action(
                        FILE_DOWNLOAD,
                        "Open a file inside the remote-admin roots for download",
                        false,
                        List.of(Param.required("path", Type.STRING, "the file")),
                        c -> admin.open(c.caller(), c.door(), c.string("path"))),
                action(
                        FILE_UPLOAD,
                        "Write an uploaded file into a directory inside the remote-admin roots",
                        true,
                        List.of(
                                Param.optional("path", Type.STRING, "target directory (default: the workspace)"),
                                Param.required("filename", Type.STRING, "the file's name"),
                                Param.required("upload", Type.STRING, "the staged upload the door received")),
                        c -> admin.upload(
                                c.caller(),
                                c.door(),
                                c.optionalString("path").orElse(""),
                                c.string("filename"),
                                c.string("upload"))),
                action(
                        JOB_START,
                        "Start Python code or a command as a background job",
                        true,
                        List.of(
                                Param.optional("kind", Type.STRING, "python (default) or shell"),
                                Param.optional("code", Type.STRING, "Python source, for a python job"),
                                Param.optional("command", Type.STRING, "command line, for a shell job"),
                                timeout),
                        c -> admin.startJob(
                                c.caller(),
                                c.door(),
                                c.optionalString("kind").orElse("python"),
                                c.optionalString("code"),
                                c.optionalString("command"),
                                seconds(c))),
                action(
                        JOB_CANCEL,
                        "Cancel a queued or running job",
                        true,
                        List.of(Param.required("id", Type.STRING, "the job's id")),
                        c -> admin.cancelJob(c.caller(), c.door(), c.string("id"))));
    }

    private static Action action(
            String id, String description, boolean destructive, List<Param> params, Action.Handler handler) {
        return new Action(
                new ActionSpec(id, description + "." + NOT_FOR_CHAT, Role.ADMIN, destructive, params), handler);
    }

    private static Optional<Long> seconds(ActionCall c) {
        return c.params().hasNonNull("timeout") ? Optional.of(c.integer("timeout")) : Optional.empty();
    }

    private static long optionalInt(ActionCall c, String name, long fallback) {
        return c.params().hasNonNull(name) ? c.integer(name) : fallback;
    }
}
