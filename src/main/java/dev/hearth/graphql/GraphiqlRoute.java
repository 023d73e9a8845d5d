package dev.hearth.graphql;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A browser that opens {@code GET /graphql} gets GraphiQL (the library's page, served at {@link #UI} from
 * Hearth's own origin, so the content security policy holds). The request gate has already sent a browser
 * without a session to the login page; anything but a page request goes on to the GraphQL handler.
 */
@Singleton
public class GraphiqlRoute {
    static final String UI = "/graphql-ui/";

    void register(@Observes Router router) {
        router.get("/graphql").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        String accept = rc.request().getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            rc.response().setStatusCode(302).putHeader("Location", UI).end();
        } else {
            rc.next();
        }
    }
}
