package dev.hearth.backups.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.backups.BackupService;
import dev.hearth.backups.BackupView;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Paged;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jspecify.annotations.Nullable;

/** {@code /api/v1/backups}: every change goes through the action catalog; the download streams the archive. */
@Path("/api/v1/backups")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class BackupsResource {
    private final ActionCatalog actions;
    private final BackupService backups;
    private final CurrentCaller caller;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public BackupsResource(
            ActionCatalog actions,
            BackupService backups,
            CurrentCaller caller,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.actions = actions;
        this.backups = backups;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Allow(Role.VIEWER)
    public BackupList list(@QueryParam("limit") @Nullable String limit, @QueryParam("offset") @Nullable String offset) {
        int max = Params.integer(limit, "limit", 100, 1, 1000);
        int skip = Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        // the archives are files in one directory, a few hundred at most: listed whole, then cut
        List<BackupView> all = backups.list().stream().map(BackupView::of).toList();
        List<BackupView> page = all.subList(Math.min(skip, all.size()), (int) Math.min(all.size(), (long) skip + max));
        return new BackupList(
                page,
                all.size(),
                skip + page.size() < all.size(),
                max,
                skip,
                backups.directory().toString(),
                backups.nextScheduled().map(Object::toString).orElse(null),
                backups.lastRestore().orElse(null));
    }

    /** One page of backups, newest first, where archives are kept, the next scheduled run and the last restore. */
    public record BackupList(
            List<BackupView> backups,
            long total,
            boolean hasMore,
            int limit,
            int offset,
            String directory,
            @Nullable String nextScheduled,
            BackupService.@Nullable LastRestore lastRestore)
            implements Paged {}

    @GET
    @Path("/{id}")
    @Allow(Role.VIEWER)
    public BackupView get(@PathParam("id") String id) {
        return BackupView.of(backups.require(id(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public Response create(
            @RequestBody(description = "{name, description, include: {paths, volumes}}, all optional") JsonNode body) {
        return Response.status(201)
                .entity(actions.invoke("backups.create", body, caller.get(), "rest"))
                .build();
    }

    @POST
    @Path("/{id}/verify")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.OPERATOR)
    public Record verify(
            @PathParam("id") String id, @RequestBody(description = "{passphrase?}, or nothing") String body) {
        return actions.invoke("backups.verify", withId(parse(body), id), caller.get(), "rest");
    }

    private @Nullable JsonNode parse(@Nullable String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
    }

    @POST
    @Path("/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response restore(
            @PathParam("id") String id,
            @RequestBody(description = "{confirm: the backup's name, passphrase?}") JsonNode body) {
        return Response.status(202)
                .entity(actions.invoke("backups.restore", withId(body, id), caller.get(), "rest"))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Allow(Role.ADMIN)
    public Record delete(@PathParam("id") String id) {
        return actions.invoke("backups.delete", withId(null, id), caller.get(), "rest");
    }

    /** The archive as stored (encrypted when it was made with a passphrase): admin only, it holds the whole database. */
    @GET
    @Path("/{id}/download")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Allow(Role.ADMIN)
    public Response download(@PathParam("id") String id) {
        BackupService.Download d = backups.open(id(id));
        StreamingOutput body = out -> {
            try (InputStream in = d.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("Content-Length", d.size())
                .header("Cache-Control", "no-store")
                .build();
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("id", "'" + id + "' is not a backup id (a whole number)");
        }
    }

    private static ObjectNode withId(@Nullable JsonNode body, String id) {
        if (body != null && !body.isNull() && !body.isObject())
            throw ApiException.invalid("body", "must be a JSON object");
        ObjectNode params =
                body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) body).deepCopy();
        params.put("id", id(id));
        return params;
    }
}
