package dev.hearth.system.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hearth.monitoring.ServiceLogs;
import dev.hearth.platform.logging.LogStore;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Paged;
import dev.hearth.platform.web.Params;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/logs?level=&limit=&since=&source=}: Hearth's own recent log, or a service's ({@code source=service:<name>}), newest first. */
@Path("/api/v1/logs")
@Produces(MediaType.APPLICATION_JSON)
public class LogsResource {
    private final LogStore logs;
    private final ServiceLogs serviceLogs;

    private final dev.hearth.platform.security.CurrentCaller caller;

    public LogsResource(LogStore logs, ServiceLogs serviceLogs, dev.hearth.platform.security.CurrentCaller caller) {
        this.logs = logs;
        this.serviceLogs = serviceLogs;
        this.caller = caller;
    }

    @GET
    @Allow(Role.VIEWER)
    @io.smallrye.common.annotation.RunOnVirtualThread
    public LogPage<?> logs(
            @QueryParam("level") String level,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @QueryParam("since") String since,
            @QueryParam("source") String source) {
        String min = level == null || level.isBlank() ? "debug" : level;
        if (!LogStore.isLevel(min)) throw ApiException.invalid("level", "must be debug, info, warn or error");
        int max = Params.integer(limit, "limit", 100, 1, 1000);
        int skip = Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        Instant from = Params.instant(since, "since", Instant.EPOCH);
        if (source == null || source.isBlank() || source.equals("hearth")) {
            LogStore.Page page = logs.page(min, max, skip, from);
            return new LogPage<>(
                    page.entries(), null, page.total(), skip + page.entries().size() < page.total(), max, skip);
        }
        if (!source.startsWith("service:") || source.length() == "service:".length()) {
            throw ApiException.invalid("source", "must be hearth or service:<name>");
        }
        // A service's own output can hold its secrets: the same role as GET /api/v1/services/{name}/logs.
        if (!caller.get().may(Role.OPERATOR)) {
            throw new dev.hearth.platform.web.ApiException(
                    dev.hearth.platform.web.ErrorCode.FORBIDDEN,
                    "A service's log needs the operator role; you have "
                            + caller.get().role().id(),
                    Map.of(
                            "required_role",
                            "operator",
                            "your_role",
                            caller.get().role().id()));
        }
        String service = source.substring("service:".length());
        ServiceLogs.Page page = serviceLogs.page(service, min, max, skip, from);
        return new LogPage<>(page.entries(), source, page.total(), page.hasMore(), max, skip);
    }

    /**
     * A page of log lines, newest first; {@code source} is named for a service's log only (Hearth's own log has
     * always answered without it).
     */
    public record LogPage<E>(
            List<E> logs,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String source,

            long total,
            boolean hasMore,
            int limit,
            int offset)
            implements Paged {}
}
