package dev.hearth.graphql;

import dev.hearth.platform.config.ConfigService;
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
 * With {@code graphql.enabled: false}, {@code /graphql} (queries, GraphiQL's redirect, the
 * graphql-transport-ws upgrade) and GraphiQL's page answer 404 in Hearth's error shape, to everyone and before
 * the request gate, as any route Hearth does not have. The extension's own routes stay mounted (it mounts them at
 * build time) but never see a request.
 */
@Singleton
public class GraphQLGate {
    static final List<String> PREFIXES = List.of("/graphql", "/graphql-ui");

    private final ConfigService config;
    private final Errors errors;

    public GraphQLGate(ConfigService config, Errors errors) {
        this.config = config;
        this.errors = errors;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 2000);
    }

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))
                && !config.current().section(GraphQLConfig.class).enabled()) {
            rc.put(Errors.REQUEST_ID_KEY, UUID.randomUUID().toString());
            errors.write(
                    rc,
                    ErrorCode.NOT_FOUND,
                    "No such route: " + rc.request().method() + " " + path
                            + " (GraphQL is switched off: graphql.enabled)",
                    Map.of("documentation", "/api/v1/openapi.json"));
            return;
        }
        rc.next();
    }
}
