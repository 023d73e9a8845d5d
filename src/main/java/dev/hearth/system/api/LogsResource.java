package dev.hearth.system.api;

import dev.hearth.monitoring.ServiceLogs;
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
import java.util.Map;

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
    public Map<String, Object> logs(
            @QueryParam("level") String level,
            @QueryParam("limit") String limit,
            @QueryParam("since") String since,
            @QueryParam("source") String source) {
        String min = level == null || level.isBlank() ? "debug" : level;
        if (!LogStore.isLevel(min)) throw ApiException.invalid("level", "must be debug, info, warn or error");
        int max = Params.integer(limit, "limit", 100, 1, 1000);
        Instant from = Params.instant(since, "since", Instant.EPOCH);
        if (source == null || source.isBlank() || source.equals("hearth"))
            return Map.of("logs", logs.query(min, max, from));
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
        return Map.of("logs", serviceLogs.query(service, min, max, from), "source", source);
    }
}
