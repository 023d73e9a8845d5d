package dev.hearth.media.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.media.DownloadAnswer;
import dev.hearth.media.IndexerTest;
import dev.hearth.media.MediaActions;
import dev.hearth.media.MediaDownloads;
import dev.hearth.media.MediaLibraries;
import dev.hearth.media.MediaOverview;
import dev.hearth.media.MediaReads;
import dev.hearth.media.MediaRequest;
import dev.hearth.media.MediaServiceActions;
import dev.hearth.media.RequestFilter;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Paged;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Media under {@code /api/v1/media}: the overview the dashboard's Media page shows, a server's libraries, a
 * search of the indexers, a request manager's requests; and, through the action catalog, download a title,
 * refresh a library, approve or decline a request.
 */
@Path("/api/v1/media")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class MediaResource {
    private final MediaReads reads;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public MediaResource(MediaReads reads, ActionCatalog actions, CurrentCaller caller) {
        this.reads = reads;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Allow(Role.VIEWER)
    public MediaOverview overview() {
        return reads.overview();
    }

    @GET
    @Path("/servers/{server}/libraries")
    @Allow(Role.VIEWER)
    public MediaReads.Libraries libraries(@PathParam("server") String server) {
        return reads.libraries(server);
    }

    @POST
    @Path("/servers/{server}/libraries/{library}/refresh")
    @Allow(Role.OPERATOR)
    public MediaLibraries.Refreshed refresh(@PathParam("server") String server, @PathParam("library") String library) {
        return (MediaLibraries.Refreshed) actions.invoke(
                MediaActions.REFRESH_LIBRARY,
                JsonNodeFactory.instance.objectNode().put("server", server).put("library", library),
                caller.get(),
                "rest");
    }

    /** {@code kind}: movie (default) or series. The release links are left out: they carry the indexers' keys. */
    @GET
    @Path("/search")
    @Allow(Role.VIEWER)
    public MediaReads.Found search(
            @QueryParam("title") @Nullable String title, @QueryParam("kind") @Nullable String kind) {
        if (title == null || title.isBlank()) throw ApiException.invalid("title", "is required");
        if (title.length() > 200) throw ApiException.invalid("title", "at most 200 characters");
        return reads.search(title, MediaDownloads.Request.kind(kind == null ? "movie" : kind));
    }

    /** Body {@code {"title": "Inception", "year": 2010, "kind": "movie"}}: the action {@code media.download}. */
    @POST
    @Path("/download")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public DownloadAnswer download(@Nullable JsonNode body) {
        if (body == null || !body.isObject())
            throw ApiException.invalid("body", "send a JSON object with title and kind");
        return (DownloadAnswer) actions.invoke(MediaActions.DOWNLOAD, body, caller.get(), "rest");
    }

    /**
     * Body {@code {"title": "Inception", "kind": "movie", "release": "...", "indexer": "..."}}: the action
     * {@code media.download_release}, one release of a search's list.
     */
    @POST
    @Path("/download/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public DownloadAnswer downloadRelease(@Nullable JsonNode body) {
        if (body == null || !body.isObject())
            throw ApiException.invalid("body", "send a JSON object with title, kind, release and indexer");
        return (DownloadAnswer) actions.invoke(MediaActions.DOWNLOAD_RELEASE, body, caller.get(), "rest");
    }

    /** One page of a request manager's requests, in the one paging envelope. */
    public record RequestsPage(
            String service, List<MediaRequest> requests, long total, boolean hasMore, int limit, int offset)
            implements Paged {}

    /** {@code status}: pending (default), approved, available, processing, failed or all. */
    @GET
    @Path("/requests/{service}")
    @Allow(Role.VIEWER)
    public RequestsPage requests(
            @PathParam("service") String service,
            @QueryParam("status") @Nullable String status,
            @QueryParam("limit") @Nullable String limit,
            @QueryParam("offset") @Nullable String offset) {
        RequestFilter filter;
        try {
            filter = RequestFilter.valueOf(
                    (status == null ? "pending" : status).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "is not a request status");
        }
        int size = Params.integer(limit, "limit", 20, 1, 100);
        int skip = Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        MediaReads.Requests page = reads.requests(service, filter, size, skip);
        return new RequestsPage(
                page.service(),
                page.requests(),
                page.total(),
                (long) skip + page.requests().size() < page.total(),
                size,
                skip);
    }

    @POST
    @Path("/requests/{service}/{id}/approve")
    @Allow(Role.OPERATOR)
    public MediaRequest approve(@PathParam("service") String service, @PathParam("id") String id) {
        return decide(MediaActions.APPROVE_REQUEST, service, id);
    }

    @POST
    @Path("/requests/{service}/{id}/decline")
    @Allow(Role.OPERATOR)
    public MediaRequest decline(@PathParam("service") String service, @PathParam("id") String id) {
        return decide(MediaActions.DECLINE_REQUEST, service, id);
    }

    /** The action {@code media.test_indexer}: Prowlarr (or a Torznab feed) tests one of its indexers. */
    @POST
    @Path("/indexers/{service}/{indexer}/test")
    @Allow(Role.OPERATOR)
    public IndexerTest testIndexer(@PathParam("service") String service, @PathParam("indexer") String indexer) {
        return (IndexerTest) actions.invoke(
                MediaServiceActions.TEST_INDEXER,
                JsonNodeFactory.instance.objectNode().put("service", service).put("indexer", indexer),
                caller.get(),
                "rest");
    }

    /** The action {@code media.manager_command}: {@code command} refresh or search, on one title of Sonarr/Radarr. */
    @POST
    @Path("/managers/{service}/titles/{id}/{command}")
    @Allow(Role.OPERATOR)
    public MediaServiceActions.CommandSent command(
            @PathParam("service") String service, @PathParam("id") String id, @PathParam("command") String command) {
        ObjectNode params = JsonNodeFactory.instance
                .objectNode()
                .put("service", service)
                .put("command", command)
                .put("title_id", Params.integer(id, "id", 0, 1, Integer.MAX_VALUE));
        return (MediaServiceActions.CommandSent)
                actions.invoke(MediaServiceActions.MANAGER_COMMAND, params, caller.get(), "rest");
    }

    private MediaRequest decide(String action, String service, String id) {
        ObjectNode params = JsonNodeFactory.instance
                .objectNode()
                .put("service", service)
                .put("request_id", Params.integer(id, "id", 0, 1, Integer.MAX_VALUE));
        return (MediaRequest) actions.invoke(action, params, caller.get(), "rest");
    }
}
