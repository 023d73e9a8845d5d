package dev.hearth.media.api;

import dev.hearth.media.WatchStats;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * Tautulli's figures under {@code /api/v1/media/stats/{service}}: activity, history, libraries, users; each asked
 * now (reads: the catalog offers the same as {@code media.watch_*} to the chat doors and MCP).
 */
@Path("/api/v1/media/stats/{service}")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class WatchStatsResource {
    private final WatchStats stats;

    public WatchStatsResource(WatchStats stats) {
        this.stats = stats;
    }

    @GET
    @Path("/activity")
    @Allow(Role.VIEWER)
    public WatchStats.ActivityNow activity(@PathParam("service") String service) {
        return stats.activity(service);
    }

    @GET
    @Path("/history")
    @Allow(Role.VIEWER)
    public WatchStats.History history(
            @PathParam("service") String service,
            @QueryParam("limit") @Nullable String limit,
            @QueryParam("offset") @Nullable String offset) {
        return stats.history(
                service,
                Params.integer(limit, "limit", 20, 1, 100),
                Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE));
    }

    @GET
    @Path("/libraries")
    @Allow(Role.VIEWER)
    public WatchStats.Libraries libraries(@PathParam("service") String service) {
        return stats.libraries(service);
    }

    @GET
    @Path("/users")
    @Allow(Role.VIEWER)
    public WatchStats.Users users(@PathParam("service") String service) {
        return stats.users(service);
    }
}
