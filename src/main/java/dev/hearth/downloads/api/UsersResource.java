package dev.hearth.downloads.api;

import dev.hearth.downloads.DownloadReports;
import dev.hearth.downloads.UserStats;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.Paged;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who downloads what (seed MLTB {@code /api/users}): each caller label that added a download — an API key
 * ({@code key:<name>}), a browser user ({@code user:<name>}) or a forward-auth user ({@code proxy:<name>}).
 */
@Path("/api/v1/users")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    private final DownloadReports reports;

    public UsersResource(DownloadReports reports) {
        this.reports = reports;
    }

    /** {@code total_uploads} is the seed's field; Hearth uploads nowhere, so it is 0. */
    public record UserSummary(
            String id,
            String username,
            long totalDownloads,
            long totalUploads,
            long successful,
            long failed,
            long totalSize,
            Instant lastActive) {}

    @GET
    @Allow(Role.VIEWER)
    public UserList list(@QueryParam("limit") @Nullable String limit, @QueryParam("offset") @Nullable String offset) {
        DownloadReports.UserPage page = reports.users(
                Params.integer(limit, "limit", 50, 1, 500), Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE));
        List<UserSummary> users = page.users().stream()
                .map(u -> new UserSummary(
                        u.userId(),
                        u.username(),
                        u.total(),
                        0,
                        u.successful(),
                        u.failed(),
                        u.totalSize(),
                        u.lastActive()))
                .toList();
        return new UserList(users, page.total(), page.limit(), page.offset(), page.hasMore());
    }

    public record UserList(List<UserSummary> users, long total, int limit, int offset, boolean hasMore)
            implements Paged {}

    @GET
    @Path("/{id}/stats")
    @Allow(Role.VIEWER)
    public UserReport stats(@PathParam("id") String id) {
        UserStats u = reports.user(id);
        return new UserReport(
                u.userId(),
                u.username(),
                new UserReport.Downloads(u.total(), u.successful(), u.failed()),
                u.totalSize(),
                Human.size(u.totalSize()),
                u.joinedDate(),
                u.lastActive());
    }

    /** The seed's {@code /api/users/{id}/stats}. */
    public record UserReport(
            String userId,
            String username,
            Downloads downloads,
            long totalSize,
            String totalSizeHuman,
            Instant joinedDate,
            Instant lastActive) {
        public record Downloads(long total, long successful, long failed) {}
    }
}
