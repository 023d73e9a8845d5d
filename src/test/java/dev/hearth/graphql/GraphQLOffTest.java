package dev.hearth.graphql;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hearth.testing.Api;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** {@code graphql.enabled: false}: every GraphQL door is a 404 in Hearth's error shape; REST is untouched. */
@QuarkusTest
@TestProfile(GraphQLOffProfile.class)
class GraphQLOffTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void queriesAnswerNotFoundToEveryCaller() {
        for (RequestSpecification caller : List.of(Api.anonymous(), Api.as("viewer"), Api.admin())) {
            caller.contentType(ContentType.JSON)
                    .body(Map.of("query", "{ status { version } }"))
                    .post("/graphql")
                    .then()
                    .statusCode(404)
                    .body("error.code", equalTo("NOT_FOUND"))
                    .body("error.message", containsString("graphql.enabled"))
                    .body("error.request_id", notNullValue());
        }
    }

    @Test
    void graphiqlAndTheSchemaAnswerNotFound() {
        Api.admin()
                .accept("text/html")
                .redirects()
                .follow(false)
                .get("/graphql")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        Api.admin().get("/graphql-ui/").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        Api.admin().get("/graphql/schema.graphql").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void theSubscriptionSocketIsRefused() {
        URI uri = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        CompletionException refused = assertThrows(
                CompletionException.class,
                () -> HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .header("X-API-Key", Api.key("viewer"))
                        .subprotocols("graphql-transport-ws")
                        .buildAsync(uri, new WebSocket.Listener() {})
                        .join());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(404, handshake.getResponse().statusCode());
    }

    @Test
    void graphqlJavaBuiltNoSchema() {
        // the library's producer holds what the extension built at start: nothing, as the switch was off
        assertNull(Arc.container().instance(GraphQLSchema.class).get());
    }

    @Test
    void theRestApiIsUnaffected() {
        Api.as("viewer").get("/api/v1/status").then().statusCode(200).body("version", notNullValue());
        Api.as("viewer").get("/api/v1/stats").then().statusCode(200);
    }
}
