package dev.hearth.compat;

import dev.hearth.platform.web.ErrorShape;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Marks a request to a seed's door before anything else looks at it (ahead of the remote-admin gate and the
 * request gate), so every failure on it — 401, 404, 429 included — is written in the seed's error shape.
 */
@Singleton
public class CompatFilter {
    private static final String RESET = "X-RateLimit-Reset";
    private final List<CompatDoor> doors;
    private final Clock clock;

    public CompatFilter(Instance<CompatDoor> doors, Clock clock) {
        this.doors = doors.stream().toList();
        this.clock = clock;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 3000);
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        for (CompatDoor door : doors) {
            if (path.equals(door.prefix()) || path.startsWith(door.prefix() + "/")) {
                rc.put(ErrorShape.KEY, door.errors());
                if (door.epochRateLimitReset())
                    rc.addHeadersEndHandler(v -> toEpoch(rc.response().headers()));
                break;
            }
        }
        rc.next();
    }

    /** The gate counts seconds until the window resets; this seed's clients read the moment itself. */
    private void toEpoch(MultiMap headers) {
        String seconds = headers.get(RESET);
        if (seconds == null || !seconds.matches("\\d{1,9}")) return;
        headers.set(RESET, String.valueOf(clock.instant().getEpochSecond() + Long.parseLong(seconds)));
    }
}
