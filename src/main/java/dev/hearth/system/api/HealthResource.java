package dev.hearth.system.api;

import dev.hearth.platform.security.Public;
import dev.hearth.platform.storage.Database;
import dev.hearth.system.SystemInfo;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Liveness and storage readiness, without credentials, for Docker health checks and uptime monitors. */
@Path("/health")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    /** {@code status} up or down; the version answering and the time of the answer, as MLTB's seed shows them. */
    public record Health(String status, String version, Instant timestamp, Map<String, String> checks) {}

    private final Database db;
    private final SystemInfo info;
    private final Clock clock;

    public HealthResource(Database db, SystemInfo info, Clock clock) {
        this.db = db;
        this.info = info;
        this.clock = clock;
    }

    @GET
    @Public(rateLimited = false)
    public Response health() {
        boolean storage = db.isReady();
        return Response.status(storage ? 200 : 503)
                .entity(new Health(
                        storage ? "up" : "down",
                        info.version(),
                        clock.instant(),
                        Map.of("storage", storage ? "up" : "down")))
                .build();
    }
}
