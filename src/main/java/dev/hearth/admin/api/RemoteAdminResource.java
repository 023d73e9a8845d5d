package dev.hearth.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.admin.AdminActions;
import dev.hearth.admin.HistoryEntry;
import dev.hearth.admin.Job;
import dev.hearth.admin.Listing;
import dev.hearth.admin.OpenedFile;
import dev.hearth.admin.PythonResult;
import dev.hearth.admin.RemoteAdmin;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Paged;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jspecify.annotations.Nullable;

/**
 * Remote administration's REST door: shell, Python, files, jobs, history. Admin only (and, behind that, the
 * service's own check of caller and door); every change goes through the action catalog, so it is audited.
 */
@Path("/api/v1/admin")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public class RemoteAdminResource {
    private static final String DOOR = "rest";
    private final ActionCatalog actions;
    private final RemoteAdmin admin;
    private final CurrentCaller caller;

    public RemoteAdminResource(ActionCatalog actions, RemoteAdmin admin, CurrentCaller caller) {
        this.actions = actions;
        this.admin = admin;
        this.caller = caller;
    }

    private Record invoke(String action, @Nullable JsonNode params) {
        Caller c = caller.get();
        admin.authorize(c, DOOR); // "not found" when off, before the catalog says "no such action"
        return actions.invoke(action, params, c, DOOR);
    }

    @GET
    @Path("/status")
    public Record status() {
        return admin.status(caller.get(), DOOR);
    }

    @POST
    @Path("/shell")
    @Consumes(MediaType.APPLICATION_JSON)
    public Record shell(@RequestBody(description = "command (a command line) and timeout (seconds)") JsonNode body) {
        return invoke(AdminActions.SHELL, body);
    }

    @POST
    @Path("/python/execute")
    @Consumes(MediaType.APPLICATION_JSON)
    public Record execute(@RequestBody(description = "code (Python source) and timeout (seconds)") JsonNode body) {
        return invoke(AdminActions.PYTHON_EXECUTE, body);
    }

    @POST
    @Path("/python/install")
    @Consumes(MediaType.APPLICATION_JSON)
    public Record install(
            @RequestBody(description = "package (a name, optionally with a version) and timeout (seconds)")
                    JsonNode body) {
        return invoke(AdminActions.PYTHON_INSTALL, body);
    }

    @POST
    @Path("/python/restart")
    public Record restart() {
        return invoke(AdminActions.PYTHON_RESTART, null);
    }

    @GET
    @Path("/python/variables")
    public Variables variables() {
        var vars = admin.variables(caller.get(), DOOR);
        return new Variables(vars, vars.size());
    }

    @DELETE
    @Path("/python/variables/{name}")
    public Record deleteVariable(@PathParam("name") String name) {
        return invoke(
                AdminActions.VARIABLE_DELETE,
                JsonNodeFactory.instance.objectNode().put("name", name));
    }

    @GET
    @Path("/files")
    public Listing files(
            @QueryParam("path") @DefaultValue("") String path,
            @QueryParam("limit") @DefaultValue("500") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        return (Listing) invoke(
                AdminActions.FILES_LIST,
                JsonNodeFactory.instance
                        .objectNode()
                        .put("path", path)
                        .put("limit", limit)
                        .put("offset", offset));
    }

    /** The file itself, streamed: its content type, and always as an attachment (a page is never shown in Hearth's origin). */
    @GET
    @Path("/files/content")
    @Produces(MediaType.WILDCARD)
    public Response download(@QueryParam("path") @DefaultValue("") String path) {
        if (path.isBlank()) {
            admin.authorize(caller.get(), DOOR);
            throw ApiException.invalid("path", "is required: the file to download");
        }
        OpenedFile f = (OpenedFile) invoke(
                AdminActions.FILE_DOWNLOAD,
                JsonNodeFactory.instance.objectNode().put("path", path));
        StreamingOutput body = out -> {
            try (InputStream in = Channels.newInputStream(f.channel())) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, f.contentType())
                .header("Content-Length", f.size())
                .header("Content-Disposition", disposition(f.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** multipart/form-data: the file in {@code file}, the target directory in {@code path} (default: the workspace). */
    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestForm("file") @Nullable FileUpload file,
            @RestForm @Nullable String path,
            @RestForm @Nullable String filename) {
        Caller c = caller.get();
        admin.authorize(c, DOOR);
        if (file == null || file.uploadedFile() == null)
            throw ApiException.invalid("file", "send the file as multipart/form-data in the field 'file'");
        String name = filename != null && !filename.isBlank() ? filename : file.fileName();
        String token = admin.stageUpload(c, DOOR, file.uploadedFile());
        ObjectNode params = JsonNodeFactory.instance
                .objectNode()
                .put("path", path == null ? "" : path)
                .put("filename", name == null ? "" : name)
                .put("upload", token);
        return Response.status(201)
                .entity(actions.invoke(AdminActions.FILE_UPLOAD, params, c, DOOR))
                .build();
    }

    @POST
    @Path("/files")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response uploadAsJson(JsonNode ignored) {
        admin.authorize(caller.get(), DOOR);
        throw ApiException.invalid(
                "file", "send the file as multipart/form-data in the field 'file' (and the directory in 'path')");
    }

    @POST
    @Path("/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startJob(
            @RequestBody(description = "kind (python or shell), code or command, timeout (seconds)") JsonNode body) {
        return Response.status(202).entity(invoke(AdminActions.JOB_START, body)).build();
    }

    @GET
    @Path("/jobs")
    public JobPage jobs(
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > 1000) throw ApiException.invalid("limit", "must be between 1 and 1000");
        if (offset < 0) throw ApiException.invalid("offset", "must not be negative");
        List<Job> page = admin.jobs(caller.get(), DOOR, limit, offset);
        long total = admin.jobCount();
        return new JobPage(page, total, offset + page.size() < total, limit, offset);
    }

    @GET
    @Path("/jobs/{id}")
    public Job job(@PathParam("id") String id) {
        return admin.job(caller.get(), DOOR, id);
    }

    @POST
    @Path("/jobs/{id}/cancel")
    public Record cancel(@PathParam("id") String id) {
        return invoke(
                AdminActions.JOB_CANCEL, JsonNodeFactory.instance.objectNode().put("id", id));
    }

    @GET
    @Path("/history")
    public HistoryPage history(
            @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > 1000) throw ApiException.invalid("limit", "must be between 1 and 1000");
        if (offset < 0) throw ApiException.invalid("offset", "must not be negative");
        List<HistoryEntry> entries = admin.history(caller.get(), DOOR, limit, offset);
        long total = admin.historyCount();
        return new HistoryPage(entries, total, offset + entries.size() < total, limit, offset);
    }

    /** The worker's variables by name. */
    public record Variables(Map<String, PythonResult.Variable> variables, int total) {}

    /** One page of jobs, newest first. */
    public record JobPage(List<Job> jobs, long total, boolean hasMore, int limit, int offset) implements Paged {}

    /** One page of the console's history, newest first. */
    public record HistoryPage(List<HistoryEntry> history, long total, boolean hasMore, int limit, int offset)
            implements Paged {}

    static String disposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
