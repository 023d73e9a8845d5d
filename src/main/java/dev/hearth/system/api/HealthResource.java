package dev.hearth.system.api;

import dev.hearth.platform.security.Public;
import dev.hearth.platform.storage.Database;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Liveness and storage readiness, without credentials, for Docker health checks and uptime monitors. */
@Path("/health")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private final Database db;

    public HealthResource(Database db) {
        this.db = db;
    }

    @GET
    @Public(rateLimited = false)
    public Response health() {
        boolean storage = db.isReady();
        return Response.status(storage ? 200 : 503)
                .entity(Map.of("status", storage ? "up" : "down", "checks", Map.of("storage", storage ? "up" : "down")))
                .build();
    }
}
