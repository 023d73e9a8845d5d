package dev.hearth.compat.monsterr;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.media.ManagerStatus;
import dev.hearth.media.MediaActions;
import dev.hearth.media.MediaLibraries;
import dev.hearth.media.MediaReads;
import dev.hearth.media.RequestFilter;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Monsterr's service routes, each under the name of the Hearth service it reaches ({@code /{service}/…}, the seed's
 * own paths after it): Plex's {@code /library/sections}, {@code /status/sessions} and a section's refresh; an *arr
 * app's {@code /system/status}, {@code /queue} and {@code /calendar}; Overseerr's {@code /request}. The answers are
 * the media feature's records (the same as {@code /api/v1/media}), whatever the service's kind: a client of this
 * door reads Jellyfin's libraries as it reads Plex's.
 */
@Path(MonsterrDoor.PREFIX)
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class MonsterrResource {
    private final MediaReads reads;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public MonsterrResource(MediaReads reads, ActionCatalog actions, CurrentCaller caller) {
        this.reads = reads;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Path("/{service}/library/sections")
    @Allow(Role.VIEWER)
    public MediaReads.Libraries sections(@PathParam("service") String service) {
        return reads.libraries(service);
    }

    @GET
    @Path("/{service}/status/sessions")
    @Allow(Role.VIEWER)
    public MediaReads.Sessions sessions(@PathParam("service") String service) {
        return reads.sessions(service);
    }

    @POST
    @Path("/{service}/library/sections/{id}/refresh")
    @Allow(Role.OPERATOR)
    public MediaLibraries.Refreshed refresh(@PathParam("service") String service, @PathParam("id") String id) {
        return (MediaLibraries.Refreshed) actions.invoke(
                MediaActions.REFRESH_LIBRARY,
                JsonNodeFactory.instance.objectNode().put("server", service).put("library", id),
                caller.get(),
                "rest");
    }

    @GET
    @Path("/{service}/system/status")
    @Allow(Role.VIEWER)
    public ManagerStatus status(@PathParam("service") String service) {
        return reads.managerStatus(service);
    }

    @GET
    @Path("/{service}/queue")
    @Allow(Role.VIEWER)
    public MediaReads.Queue queue(
            @PathParam("service") String service, @QueryParam("pageSize") @Nullable String pageSize) {
        return reads.queue(service, Params.integer(pageSize, "pageSize", 50, 1, 500));
    }

    /** {@code start} and {@code end} as the *arr apps take them (ISO dates); a week from today without them. */
    @GET
    @Path("/{service}/calendar")
    @Allow(Role.VIEWER)
    public MediaReads.Calendar calendar(
            @PathParam("service") String service,
            @QueryParam("start") @Nullable String start,
            @QueryParam("end") @Nullable String end) {
        return reads.calendar(service, date(start, "start"), date(end, "end"));
    }

    /** Overseerr's {@code filter} (all, pending, approved, processing, available, unavailable, failed), {@code take} and {@code skip}. */
    @GET
    @Path("/{service}/request")
    @Allow(Role.VIEWER)
    public MediaReads.Requests requests(
            @PathParam("service") String service,
            @QueryParam("filter") @Nullable String filter,
            @QueryParam("take") @Nullable String take,
            @QueryParam("skip") @Nullable String skip) {
        RequestFilter f;
        try {
            f = RequestFilter.valueOf((filter == null ? "all" : filter).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("filter", "is not a request filter");
        }
        return reads.requests(
                service,
                f,
                Params.integer(take, "take", 20, 1, 100),
                Params.integer(skip, "skip", 0, 0, Integer.MAX_VALUE));
    }

    private static @Nullable LocalDate date(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return LocalDate.parse(raw.strip().length() > 10 ? raw.strip().substring(0, 10) : raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date, e.g. 2026-12-03");
        }
    }
}
