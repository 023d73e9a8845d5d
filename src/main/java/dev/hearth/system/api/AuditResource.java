package dev.hearth.system.api;

import dev.hearth.actions.AuditLog;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.Paged;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/audit}: every action call, newest first, with who, door and outcome. */
@Path("/api/v1/audit")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Allow(Role.ADMIN)
    public AuditPage list(
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @QueryParam("since") String since) {
        int l = Params.integer(limit, "limit", 100, 1, 1000);
        int o = Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        Instant s = Params.instant(since, "since", Instant.EPOCH);
        List<AuditLog.Entry> entries = audit.recent(l, o, s);
        long total = audit.count(s);
        return new AuditPage(entries, total, o + entries.size() < total, l, o);
    }

    /** One page of the audit log, newest first. */
    public record AuditPage(List<AuditLog.Entry> entries, long total, boolean hasMore, int limit, int offset)
            implements Paged {}
}
