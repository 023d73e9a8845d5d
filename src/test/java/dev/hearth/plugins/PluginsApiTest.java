package dev.hearth.plugins;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plugins built by {@link ExamplePlugins} (compiled here against the SPI, packed as jars) loaded by a running Hearth:
 * the list, an action that runs through the catalog with its role, an integration kind serving a service added at run
 * time, switching off and on, and plugins that throw in
 * their constructor or in their action reported, disabled, with Hearth still serving.
 */
@QuarkusTest
@TestProfile(PluginsProfile.class)
class PluginsApiTest {
    static final Path DIR = PluginsProfile.DIR;

    @BeforeEach
    void helloIsOn() {
        Api.reset();
        Api.admin()
                .contentType(ContentType.JSON)
                .body("{\"enabled\": true}")
                .post("/api/v1/plugins/hello/toggle")
                .then()
                .statusCode(200);
    }

    @Test
    void everyJarIsListedWithItsNameVersionDescriptionStateAndError() {
        var list = Api.as("viewer").get("/api/v1/plugins").then().statusCode(200);
        list.body("directory", equalTo(DIR.resolve("jars").toString()));
        list.body("plugins.find { it.name == 'hello' }.version", equalTo("1.2.0"));
        list.body("plugins.find { it.name == 'hello' }.description", equalTo("Greets people and echoes notifications"));
        list.body("plugins.find { it.name == 'hello' }.enabled", equalTo(true));
        list.body("plugins.find { it.name == 'hello' }.provides", hasItems("action:hello.greet", "notifier:echo"));
        list.body("plugins.find { it.name == 'broken' }.enabled", equalTo(false));
        list.body("plugins.find { it.name == 'broken' }.state", equalTo("failed"));
        list.body("plugins.find { it.name == 'broken' }.error", containsString("the broken plugin cannot start"));
        // its channel kind threw when the configuration's registry made it, at start: Hearth started all the same
        list.body("plugins.find { it.name == 'brokenkind' }.state", equalTo("failed"));
        list.body(
                "plugins.find { it.name == 'brokenkind' }.error",
                containsString("the broken channel kind cannot start"));
        // MLTB's name for the list is an action too, for the chat and MCP doors
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/actions/plugins.list")
                .then()
                .statusCode(200)
                .body("result.plugins.name", hasItems("hello", "broken", "flaky"));
    }

    @Test
    void aPluginsChannelKindNamedInTheConfigurationReceivesNotifications() throws IOException {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{\"channel\": \"echoes\"}")
                .post("/api/v1/notifications/test")
                .then()
                .statusCode(200);
        String heard = Files.readString(PluginsProfile.echoFile());
        assertTrue(heard.contains("heard: ") && heard.contains("This is a test from Hearth"), heard);
    }

    @Test
    void aPluginsActionRunsThroughTheCatalogWithItsRole() {
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body("{\"who\": \"Ada\"}")
                .post("/api/v1/actions/hello.greet")
                .then()
                .statusCode(403)
                .body("error.details.required_role", equalTo("operator"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{\"who\": \"Ada\"}")
                .post("/api/v1/actions/hello.greet")
                .then()
                .statusCode(200)
                .body("result.greeting", equalTo("Hello, Ada!"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/actions/hello.greet")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
        Api.admin().get("/api/v1/audit").then().statusCode(200).body(containsString("hello.greet"));
    }

    @Test
    void disablingAPluginTakesItsActionAwayAtOnceAndTheChoiceIsKept() throws IOException {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{\"enabled\": false}")
                .post("/api/v1/plugins/hello/toggle")
                .then()
                .statusCode(403);
        Api.admin()
                .contentType(ContentType.JSON)
                .body("{\"enabled\": false}")
                .post("/api/v1/plugins/hello/toggle")
                .then()
                .statusCode(200)
                .body("plugin.enabled", equalTo(false))
                .body("plugin.state", equalTo("disabled"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{\"who\": \"Ada\"}")
                .post("/api/v1/actions/hello.greet")
                .then()
                .statusCode(404);
        Api.as("viewer").get("/api/v1/actions").then().statusCode(200).body(not(containsString("hello.greet")));
        assertTrue(Files.readString(DIR.resolve("data/plugins.json")).contains("\"hello\""));
        // without a body it is switched over: on again, its action back
        Api.admin().post("/api/v1/plugins/hello/toggle").then().statusCode(200).body("plugin.enabled", equalTo(true));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{\"who\": \"Bo\"}")
                .post("/api/v1/actions/hello.greet")
                .then()
                .statusCode(200)
                .body("result.greeting", equalTo("Hello, Bo!"));
        assertTrue(!Files.readString(DIR.resolve("data/plugins.json")).contains("\"hello\""));
    }

    @Test
    void aPluginThatThrowsInItsActionIsReportedAndDisabledAndHearthKeepsServing() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body("{\"enabled\": true}")
                .post("/api/v1/plugins/flaky/toggle")
                .then()
                .statusCode(200)
                .body("plugin.enabled", equalTo(true));
        var failed = Api.as("viewer")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/actions/flaky.explode")
                .then();
        failed.statusCode(500)
                .body("error.code", equalTo("INTERNAL_ERROR"))
                .body("error.message", containsString("exploded on purpose"))
                .body("error.message", containsString("disabled"))
                .body(not(containsString("at org.example")));
        Api.as("viewer")
                .get("/api/v1/plugins")
                .then()
                .statusCode(200)
                .body("plugins.find { it.name == 'flaky' }.enabled", equalTo(false))
                .body("plugins.find { it.name == 'flaky' }.state", equalTo("failed"))
                .body(
                        "plugins.find { it.name == 'flaky' }.error",
                        containsString("java.lang.ArithmeticException: exploded on purpose"));
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/actions/flaky.explode")
                .then()
                .statusCode(404);
        Api.as("viewer").get("/api/v1/status").then().statusCode(200);
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body("{\"who\": \"Cy\"}")
                .post("/api/v1/actions/hello.greet")
                .then()
                .statusCode(200);
    }

    @Test
    void aPluginThatThrowsInItsConstructorStaysReportedWhenEnabledAgain() {
        var again = Api.admin()
                .contentType(ContentType.JSON)
                .body("{\"enabled\": true}")
                .post("/api/v1/plugins/broken/toggle")
                .then();
        again.statusCode(200)
                .body("plugin.enabled", equalTo(false))
                .body("plugin.state", equalTo("failed"))
                .body("plugin.error", containsString("the broken plugin cannot start"));
        Api.as("viewer").get("/api/v1/plugins").then().statusCode(200).body("plugins.name", hasItem("broken"));
        Api.admin()
                .post("/api/v1/plugins/nothing-here/toggle")
                .then()
                .statusCode(404)
                .body("error.details.known", hasItems("hello", "broken"));
        assertEquals(200, Api.as("viewer").get("/health").statusCode());
    }

    @Test
    void aPluginsIntegrationKindServesAServiceAddedAtRunTime() throws IOException {
        AtomicReference<String> said = new AtomicReference<>("ok");
        HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        page.createContext("/status.json", exchange -> {
            byte[] body = ("{\"state\": \"" + said.get() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        page.start();
        try {
            Api.as("viewer")
                    .get("/api/v1/plugins")
                    .then()
                    .body("plugins.find { it.name == 'hello' }.provides", hasItem("integration:jsonstatus"));
            Api.as("viewer").get("/api/v1/integrations").then().statusCode(200).body(containsString("jsonstatus"));
            Api.admin()
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            "statuspage",
                            "url",
                            "http://127.0.0.1:" + page.getAddress().getPort() + "/status.json",
                            "integration",
                            "jsonstatus",
                            "credentials",
                            Map.of("field", "state", "expect", "ok")))
                    .post("/api/v1/services")
                    .then()
                    .statusCode(201);
            assertEquals("healthy", healthOf("statuspage").get("health"));
            assertEquals("state is ok", healthOf("statuspage").get("message"));

            said.set("degraded");
            Map<String, Object> degraded = healthOf("statuspage");
            assertEquals("unhealthy", degraded.get("health"));
            assertEquals("state is 'degraded', not 'ok'", degraded.get("message"));

            // its settings are checked like Hearth's own kinds': an unknown key is refused and names the key
            Api.admin()
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            "statuspage2",
                            "url",
                            "http://127.0.0.1:" + page.getAddress().getPort() + "/status.json",
                            "integration",
                            "jsonstatus",
                            "credentials",
                            Map.of("feild", "state")))
                    .post("/api/v1/services")
                    .then()
                    .statusCode(400)
                    .body(containsString("feild"));
        } finally {
            Api.admin().delete("/api/v1/services/statuspage");
            page.stop(0);
        }
    }

    /** One service's row of {@code /api/v1/services/health}, asked of the upstream now. */
    private static Map<String, Object> healthOf(String name) {
        JsonPath all = Api.as("viewer")
                .get("/api/v1/services/health?refresh=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return all.getMap("services.find { it.name == '" + name + "' }");
    }
}
