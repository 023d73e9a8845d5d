package dev.hearth.minecraft;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The automation server's {@code POST /minecraft/create} sent unchanged to {@code /compat/automation}: the seed's
 * body makes a container of the configured image on the REAL engine, the answer has exactly the seed's fields, and
 * refusals come in the seed's error shape.
 */
@QuarkusTest
@TestProfile(AutomationMinecraftTest.Profile.class)
class AutomationMinecraftTest {
    private static final String CREATE = "/compat/automation/minecraft/create";

    /** Its own Hearth and engine: the native API test counts ports from the first server it makes. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MinecraftWorld.class));
        }
    }

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    @Test
    void theSeedsCreateCallMakesTheServerAndAnswersTheSeedsShape() throws Exception {
        Map<String, String> seedBody =
                Map.of("name", "SurvivalWorld", "memory", "4G", "version", "1.20.4", "type", "PAPER");
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(seedBody)
                .post(CREATE)
                .then()
                .statusCode(403)
                .body("status", equalTo("error"))
                .body("error.code", equalTo("FORBIDDEN"));

        Map<String, Object> answer = Api.admin()
                .contentType(ContentType.JSON)
                .body(seedBody)
                .post(CREATE)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("success"))
                .body("server.name", equalTo("SurvivalWorld"))
                .body("server.url", equalTo("survivalworld.example.org:" + MinecraftWorld.firstPort))
                .body("server.container_id", instanceOf(String.class))
                .extract()
                .path("$");
        assertEquals(Set.of("status", "server"), answer.keySet());
        @SuppressWarnings("unchecked")
        Map<String, Object> server = (Map<String, Object>) answer.get("server");
        assertEquals(Set.of("name", "url", "container_id"), server.keySet());

        JsonNode c = MinecraftWorld.inspect("/containers/" + server.get("container_id") + "/json");
        assertEquals(MinecraftWorld.IMAGE, c.path("Config").path("Image").asText());
        assertEquals("PAPER", MinecraftApiTest.env(c, "TYPE"));
        assertEquals("1.20.4", MinecraftApiTest.env(c, "VERSION"));
        assertEquals("4G", MinecraftApiTest.env(c, "MEMORY"));
        assertTrue(c.path("State").path("Running").asBoolean());

        Api.admin()
                .get("/api/v1/minecraft/SurvivalWorld")
                .then()
                .statusCode(200)
                .body("container_id", equalTo(server.get("container_id")));
    }

    @Test
    void badInputAndATakenNameAnswerTheSeedsErrorShape() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Odd", "type", "BEDROCK"))
                .post(CREATE)
                .then()
                .statusCode(400)
                .body("status", equalTo("error"))
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.details.field", equalTo("type"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body("{\"memory\": \"2G\"}")
                .post(CREATE)
                .then()
                .statusCode(400)
                .body("status", equalTo("error"))
                .body("error.details.field", equalTo("name"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Twice"))
                .post(CREATE)
                .then()
                .statusCode(200);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "twice"))
                .post(CREATE)
                .then()
                .statusCode(409)
                .body("status", equalTo("error"))
                .body("error.code", equalTo("CONFLICT"));
    }
}
