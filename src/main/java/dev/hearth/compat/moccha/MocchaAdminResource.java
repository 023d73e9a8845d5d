package dev.hearth.compat.moccha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.admin.AdminActions;
import dev.hearth.admin.Job;
import dev.hearth.admin.OpenedFile;
import dev.hearth.admin.PythonResult;
import dev.hearth.admin.RemoteAdmin;
import dev.hearth.compat.CompatBodies;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jspecify.annotations.Nullable;

/**
 * Moccha's remote execution and files under {@code /compat/moccha}: the same remote administration as
 * {@code /api/v1/admin} (admin only, audited, 404 for everyone when {@code remote_admin.enabled} is false —
 * {@code RemoteAdminGate} lists these paths), in Moccha's shapes: {@code task_id}, a bare history array, the
 * variables as the answer's own members. Times are UTC without a zone, as Moccha prints them.
 */
@Path(MocchaDoor.PREFIX)
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public class MocchaAdminResource {
    private static final String DOOR = "rest";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private final ActionCatalog actions;
    private final RemoteAdmin admin;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public MocchaAdminResource(ActionCatalog actions, RemoteAdmin admin, CurrentCaller caller, ObjectMapper json) {
        this.actions = actions;
        this.admin = admin;
        this.caller = caller;
        this.json = json;
    }

    private Object invoke(String action, JsonNode params) {
        Caller c = caller.get();
        admin.authorize(c, DOOR);
        return actions.invoke(action, params, c, DOOR);
    }

    /** {@code {"code": "...", "timeout": 30}} (timeout optional). */
    @POST
    @Path("/execute")
    public MocchaViews.Executed execute(@Nullable String body) {
        PythonResult r = (PythonResult) invoke(AdminActions.PYTHON_EXECUTE, CompatBodies.object(json, body));
        Map<String, @Nullable Object> vars = new LinkedHashMap<>();
        r.variables().forEach((name, v) -> vars.put(name, v.representable() ? v.value() : v.type()));
        return new MocchaViews.Executed(r.output(), r.error(), vars, r.success());
    }

    /** {@code {"command": "ls -la", "timeout": 30}}: stdout, stderr, code, success (and Hearth's truncated, timed_out). */
    @POST
    @Path("/shell")
    public Object shell(@Nullable String body) {
        return invoke(AdminActions.SHELL, CompatBodies.object(json, body));
    }

    /** {@code {"package": "requests"}}: package, success, output, error. */
    @POST
    @Path("/install")
    public Object install(@Nullable String body) {
        return invoke(AdminActions.PYTHON_INSTALL, CompatBodies.object(json, body));
    }

    /** {@code ?path=} (default: the workspace): path and items of name, type (file, dir), size, modified. */
    @GET
    @Path("/files")
    public Object files(@QueryParam("path") @Nullable String path) {
        return invoke(
                AdminActions.FILES_LIST,
                JsonNodeFactory.instance
                        .objectNode()
                        .put("path", path == null ? "" : path)
                        .put("limit", 500)
                        .put("offset", 0));
    }

    /** multipart/form-data: {@code file}, and the target directory in {@code path} (default: the workspace). */
    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object upload(@RestForm("file") @Nullable FileUpload file, @RestForm @Nullable String path) {
        Caller c = caller.get();
        admin.authorize(c, DOOR);
        if (file == null || file.uploadedFile() == null)
            throw ApiException.invalid("file", "send the file as multipart/form-data in the field 'file'");
        String token = admin.stageUpload(c, DOOR, file.uploadedFile());
        ObjectNode params = JsonNodeFactory.instance
                .objectNode()
                .put("path", path == null ? "" : path)
                .put("filename", file.fileName() == null ? "" : file.fileName())
                .put("upload", token);
        return actions.invoke(AdminActions.FILE_UPLOAD, params, c, DOOR);
    }

    /** Only refuses, after the role check: a JSON body where the file is taken as multipart/form-data. */
    @POST
    @Path("/upload")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object uploadAsJson(@Nullable String ignored) {
        admin.authorize(caller.get(), DOOR);
        throw ApiException.invalid(
                "file", "send the file as multipart/form-data in the field 'file' (and the directory in 'path')");
    }

    /** The file streamed, always as an attachment. */
    @GET
    @Path("/download/{filepath: .+}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("filepath") String filepath) {
        OpenedFile f = (OpenedFile) invoke(
                AdminActions.FILE_DOWNLOAD,
                JsonNodeFactory.instance.objectNode().put("path", filepath));
        StreamingOutput body = out -> {
            try (InputStream in = Channels.newInputStream(f.channel())) {
                in.transferTo(out);
            }
        };
        String ascii = f.name().replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(f.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, f.contentType())
                .header("Content-Length", f.size())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** {@code {"code": "..."}}: a Python job; answers its {@code task_id} and status. */
    @POST
    @Path("/async-execute")
    public MocchaViews.AsyncStarted asyncExecute(@Nullable String body) {
        JsonNode b = CompatBodies.object(json, body);
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("kind", "python");
        params.put("code", CompatBodies.text(b, "code", "is required: the Python source to run"));
        if (b.has("timeout")) params.set("timeout", b.get("timeout"));
        Job j = (Job) invoke(AdminActions.JOB_START, params);
        return new MocchaViews.AsyncStarted(j.id(), j.status());
    }

    @GET
    @Path("/task/{task_id}")
    public MocchaViews.TaskState task(@PathParam("task_id") String id) {
        Job j = admin.job(caller.get(), DOOR, id);
        return new MocchaViews.TaskState(
                j.id(),
                j.status(),
                j.result(),
                j.error(),
                time(j.createdAt()),
                j.finishedAt() == null ? null : time(j.finishedAt()));
    }

    @GET
    @Path("/variables")
    public MocchaViews.Variables variables() {
        Map<String, @Nullable Object> vars = new LinkedHashMap<>();
        admin.variables(caller.get(), DOOR)
                .forEach((name, v) -> vars.put(name, v.representable() ? v.value() : v.type()));
        return new MocchaViews.Variables(vars);
    }

    @DELETE
    @Path("/variables/{variable_name}")
    public Object deleteVariable(@PathParam("variable_name") String name) {
        return invoke(
                AdminActions.VARIABLE_DELETE,
                JsonNodeFactory.instance.objectNode().put("name", name));
    }

    /**
     * The newest {@code limit} (default 20, at most 1000) calls, a bare array as Moccha answers it; a Python run is
     * Moccha's type "execute" (Hearth's "python"), the other types are Hearth's (shell, install, job, upload, …).
     */
    @GET
    @Path("/history")
    public List<MocchaViews.HistoryRow> history(@QueryParam("limit") @Nullable String limit) {
        int n = Params.integer(limit, "limit", 20, 1, 1000);
        return admin.history(caller.get(), DOOR, n, 0).stream()
                .map(h -> new MocchaViews.HistoryRow(
                        String.valueOf(h.id()),
                        h.type().equals("python") ? "execute" : h.type(),
                        time(h.time()),
                        h.input(),
                        h.success()))
                .toList();
    }

    private static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
