package dev.hearth.system.api;

import dev.hearth.platform.logging.LogStore;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Params;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/logs?level=&limit=&since=}: Hearth's own recent log, newest first. */
@Path("/api/v1/logs")
@Produces(MediaType.APPLICATION_JSON)
public class LogsResource {
    private final LogStore logs;

    public LogsResource(LogStore logs) {
        this.logs = logs;
    }

    @GET
    @Allow(Role.VIEWER)
    public Map<String, List<LogStore.Entry>> logs(@QueryParam("level") String level, @QueryParam("limit") String limit,
                                                 @QueryParam("since") String since) {
        String min = level == null || level.isBlank() ? "debug" : level;
        if (!LogStore.isLevel(min)) throw ApiException.invalid("level", "must be debug, info, warn or error");
        return Map.of("logs", logs.query(min, Params.integer(limit, "limit", 100, 1, 1000), Params.instant(since, "since", Instant.EPOCH)));
    }
}
