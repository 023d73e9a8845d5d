package dev.hearth.graphql;

import dev.hearth.graphql.MediaTypes.MediaCalendarEntry;
import dev.hearth.graphql.MediaTypes.MediaLibrary;
import dev.hearth.graphql.MediaTypes.MediaOverviewInfo;
import dev.hearth.graphql.MediaTypes.MediaProblem;
import dev.hearth.graphql.MediaTypes.MediaQueueEntry;
import dev.hearth.graphql.MediaTypes.MediaRequestInfo;
import dev.hearth.graphql.MediaTypes.MediaRequestList;
import dev.hearth.graphql.MediaTypes.MediaStream;
import dev.hearth.graphql.MediaTypes.RecentMedia;
import dev.hearth.media.MediaOverview;
import dev.hearth.media.MediaReads;
import dev.hearth.media.RequestFilter;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.jspecify.annotations.Nullable;

/**
 * The media feature's reads ({@link MediaReads}, the same calls as {@code /api/v1/media} and Monsterr's door), each a
 * viewer's, as there. A service named that does not exist, or is of another kind, is a {@code NOT_FOUND} naming the
 * ones that do; one that does not answer a {@code SERVICE_UNAVAILABLE}.
 */
@GraphQLApi
public class MediaQueries {
    private final GraphCallers callers;
    private final MediaReads reads;

    public MediaQueries(GraphCallers callers, MediaReads reads) {
        this.callers = callers;
        this.reads = reads;
    }

    @Query("media")
    @Description(
            "What is playing, what arrived, the requests waiting, the *arr queues and this week's calendar, at once.")
    public @NonNull MediaOverviewInfo media() {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            MediaOverview o = reads.overview();
            return new MediaOverviewInfo(
                    o.nowPlaying().stream()
                            .map(s -> MediaStream.of(s.service(), s.item()))
                            .toList(),
                    o.recentlyAdded().stream()
                            .map(s -> RecentMedia.of(s.service(), s.item()))
                            .toList(),
                    o.requests().stream()
                            .map(s -> MediaRequestInfo.of(s.service(), s.item()))
                            .toList(),
                    o.queue().stream()
                            .map(s -> MediaQueueEntry.of(s.service(), s.item()))
                            .toList(),
                    o.calendar().stream()
                            .map(s -> MediaCalendarEntry.of(s.service(), s.item()))
                            .toList(),
                    o.problems().stream()
                            .map(p -> new MediaProblem(p.service(), p.message()))
                            .toList());
        });
    }

    @Query
    @Description("A media server's libraries (as GET /api/v1/media/servers/{server}/libraries).")
    public @NonNull List<@NonNull MediaLibrary> mediaLibraries(@Name("server") @NonNull String server) {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            return reads.libraries(server).libraries().stream()
                    .map(MediaLibrary::of)
                    .toList();
        });
    }

    @Query
    @Description("Who is watching or listening on a media server now, asked now.")
    public @NonNull List<@NonNull MediaStream> nowPlaying(@Name("server") @NonNull String server) {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            return reads.sessions(server).streams().stream()
                    .map(s -> MediaStream.of(server, s))
                    .toList();
        });
    }

    @Query
    @Description("An *arr app's download queue, at most limit entries (1 to 500).")
    public @NonNull List<@NonNull MediaQueueEntry> mediaQueue(
            @Name("manager") @NonNull String manager, @Name("limit") @DefaultValue("50") int limit) {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            if (limit < 1 || limit > 500) throw ApiException.invalid("limit", "must be 1 to 500");
            return reads.queue(manager, limit).entries().stream()
                    .map(q -> MediaQueueEntry.of(manager, q))
                    .toList();
        });
    }

    @Query
    @Description("What an *arr app has due from start to end (dates, UTC, inclusive; today and a week on by default).")
    public @NonNull List<@NonNull MediaCalendarEntry> mediaCalendar(
            @Name("manager") @NonNull String manager,
            @Name("start") @Nullable String start,
            @Name("end") @Nullable String end) {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            return reads.calendar(manager, date(start, "start"), date(end, "end")).entries().stream()
                    .map(c -> MediaCalendarEntry.of(manager, c))
                    .toList();
        });
    }

    @Query
    @Description(
            "A request manager's requests: status pending (default), approved, processing, available, unavailable, failed or all.")
    public @NonNull MediaRequestList mediaRequests(
            @Name("service") @NonNull String service,
            @Name("status") @DefaultValue("pending") String status,
            @Name("limit") @DefaultValue("20") int limit,
            @Name("offset") @DefaultValue("0") int offset) {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            if (limit < 1 || limit > 100) throw ApiException.invalid("limit", "must be 1 to 100");
            if (offset < 0) throw ApiException.invalid("offset", "must be 0 or more");
            RequestFilter filter;
            try {
                filter = RequestFilter.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("status", "is not a request status");
            }
            MediaReads.Requests page = reads.requests(service, filter, limit, offset);
            return new MediaRequestList(
                    page.requests().stream()
                            .map(r -> MediaRequestInfo.of(service, r))
                            .toList(),
                    page.total());
        });
    }

    private static @Nullable LocalDate date(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date, e.g. 2026-12-03");
        }
    }
}
