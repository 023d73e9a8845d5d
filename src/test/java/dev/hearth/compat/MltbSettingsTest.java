package dev.hearth.compat;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.nullValue;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MLTB's {@code /api/config} and {@code /api/plugins} examples on its door: the seed's fields and envelopes, the
 * settings doing what they say (qBittorrent's own running-downloads limit, the auto-delete rule), and a field Hearth
 * cannot honour refused whole.
 */
@QuarkusTest
@TestProfile(MltbSettingsProfile.class)
class MltbSettingsTest {
    private static final String B = "/compat/mltb";

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    @Test
    void theConfigHasTheSeedsFieldsAndTheSeedsPatchExampleChangesWhatItNames() {
        Api.as("viewer")
                .get(B + "/api/config")
                .then()
                .statusCode(200)
                .body(
                        "downloadDir",
                        equalTo(MltbSettingsProfile.DIR.resolve("downloads").toString()))
                .body("maxConcurrentDownloads", instanceOf(Integer.class))
                .body("maxSplitSize", nullValue())
                .body("enabledPhases.phase1", equalTo(true))
                .body("enabledPhases.phase2", equalTo(true))
                .body("enabledPhases.phase3", equalTo(true))
                .body("features.graphqlApi", equalTo(true))
                .body("features.pluginSystem", equalTo(true))
                .body("features.advancedDashboard", equalTo(true));

        Map<String, Object> example = Map.of("maxConcurrentDownloads", 10, "autoDeleteDuration", 120);
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(example)
                .patch(B + "/api/config")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body("{\"maxConcurrentDownloads\": 10, \"autoDeleteDuration\": 120}")
                .patch(B + "/api/config")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Configuration updated"))
                .body("updated", equalTo(List.of("maxConcurrentDownloads", "autoDeleteDuration")));
        // qBittorrent itself holds the limit now, and Hearth's auto-delete rule is 120 minutes of seeding
        Api.as("viewer")
                .get("/api/v1/downloads/clients/qbittorrent/settings")
                .then()
                .statusCode(200)
                .body("max_active_downloads", equalTo(10));
        Api.as("viewer")
                .get("/api/v1/config")
                .then()
                .statusCode(200)
                .body("downloads.auto_delete.seed_minutes", equalTo(120));
        Api.as("viewer")
                .get(B + "/api/config")
                .then()
                .statusCode(200)
                .body("maxConcurrentDownloads", equalTo(10))
                .body("autoDeleteDuration", equalTo(120));
    }

    @Test
    void aFieldHearthCannotHonourIsA400AndNothingOfTheRequestIsApplied() {
        Integer before = Api.as("viewer")
                .get(B + "/api/config")
                .then()
                .statusCode(200)
                .extract()
                .path("maxConcurrentDownloads");
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("maxConcurrentDownloads", before == null ? 3 : before + 1, "maxSplitSize", "2 GB"))
                .patch(B + "/api/config")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", containsString("maxSplitSize"))
                .body("error.details.field", equalTo("maxSplitSize"));
        Api.as("viewer").get(B + "/api/config").then().body("maxConcurrentDownloads", equalTo(before));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("maxConcurrentDownloads", -1))
                .patch(B + "/api/config")
                .then()
                .statusCode(400)
                .body("error.message", containsString("maxConcurrentDownloads"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("colour", "blue"))
                .patch(B + "/api/config")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("colour"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body("[1, 2]")
                .patch(B + "/api/config")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void pluginsAreListedInTheSeedsFieldsAndToggledByAnAdmin() {
        Api.as("viewer")
                .get(B + "/api/plugins")
                .then()
                .statusCode(200)
                .body("plugins.name", hasItems("hello", "broken", "flaky"))
                .body("plugins.find { it.name == 'hello' }.version", equalTo("1.2.0"))
                .body(
                        "plugins.find { it.name == 'hello' }.description",
                        equalTo("Greets people and echoes notifications"))
                .body("plugins.find { it.name == 'hello' }.enabled", equalTo(true))
                .body("plugins.find { it.name == 'hello' }.author", equalTo(""));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", false))
                .post(B + "/api/plugins/hello/toggle")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", false))
                .post(B + "/api/plugins/hello/toggle")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Plugin disabled successfully"));
        // off means off: its action is gone from the catalog
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("who", "Ada"))
                .post("/api/v1/actions/hello.greet")
                .then()
                .statusCode(404);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", true))
                .post(B + "/api/plugins/hello/toggle")
                .then()
                .statusCode(200)
                .body("message", equalTo("Plugin enabled successfully"));
        Api.as("viewer")
                .get(B + "/api/plugins")
                .then()
                .body("plugins.find { it.name == 'hello' }.enabled", equalTo(true));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", "yes"))
                .post(B + "/api/plugins/hello/toggle")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", true))
                .post(B + "/api/plugins/nope/toggle")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
    }
}
