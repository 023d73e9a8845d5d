package dev.hearth.admin.api;

import dev.hearth.admin.RemoteAdmin;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.platform.web.Errors;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When remote administration is off, its routes answer 404 to everyone — before the request gate, so not
 * even a 401 or a 403 tells a caller they exist. (Behind it, the service refuses too, and the catalog
 * holds none of its actions.)
 */
@Singleton
public class RemoteAdminGate {
    /** Where remote administration answers; the later seed door (/compat/moccha) joins this list. */
    static final List<String> PREFIXES = List.of("/api/v1/admin");

    private final RemoteAdmin admin;
    private final Errors errors;

    public RemoteAdminGate(RemoteAdmin admin, Errors errors) {
        this.admin = admin;
        this.errors = errors;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 2000);
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (!admin.enabled() && PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            rc.put(Errors.REQUEST_ID_KEY, UUID.randomUUID().toString());
            errors.write(
                    rc,
                    ErrorCode.NOT_FOUND,
                    "No such route: " + rc.request().method() + " " + path,
                    Map.of("documentation", "/api/v1/openapi.json"));
            return;
        }
        rc.next();
    }
}
