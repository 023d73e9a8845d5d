package dev.hearth.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.config.ConfigLoader;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.testing.Api;
import dev.hearth.testing.TestConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConfigApiTest {
    @Inject
    ConfigService config;

    @Test
    void theConfigIsShownWithSecretsRedactedAndTheSeedFields() {
        String body = Api.as("viewer")
                .get("/api/v1/config")
                .then()
                .statusCode(200)
                .body("security.admin_api_key", equalTo("********"))
                .body("server.port", instanceOf(Integer.class))
                .body("services", instanceOf(List.class))
                .body("$", org.hamcrest.Matchers.hasKey("domain"))
                .body("$", org.hamcrest.Matchers.hasKey("media_dir"))
                .body("$", org.hamcrest.Matchers.hasKey("downloads_dir"))
                .extract()
                .asString();
        assertFalse(body.contains(Api.ADMIN_KEY));
    }

    @Test
    void aLiveKeyChangesAtOnceAndIsSavedForTheNextStart() throws Exception {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("logs", Map.of("buffer_size", 1500)))
                .patch("/api/v1/config")
                .then()
                .statusCode(200)
                .body("updated", contains("logs.buffer_size"))
                .body("restart_required", emptyIterable())
                .body("config.logs.buffer_size", equalTo(1500));
        Api.as("viewer").get("/api/v1/config").then().body("logs.buffer_size", equalTo(1500));
        assertTrue(Files.readString(config.dataDir().resolve("config-overrides.yml"))
                .contains("buffer_size: 1500"));
    }

    @Test
    void aKeyThatNeedsARestartIsSavedAndSaysSo() {
        int running = config.current().server().port();
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("storage", Map.of("pool_size", 3)))
                .put("/api/v1/config")
                .then()
                .statusCode(200)
                .body("restart_required", contains("storage.pool_size"))
                .body(
                        "config.storage.pool_size",
                        equalTo(config.current().storage().poolSize()));
        Api.as("viewer").get("/api/v1/config").then().body("server.port", equalTo(running));
    }

    @Test
    void theSeedsPutShapeIsAccepted() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "domain",
                        "media.example.com",
                        "media_dir",
                        "/srv/media",
                        "downloads_dir",
                        "/srv/downloads",
                        "services",
                        List.of()))
                .put("/api/v1/config")
                .then()
                .statusCode(200)
                .body("updated", hasItem("domain"))
                .body("config.domain", equalTo("media.example.com"));
    }

    @Test
    void wrongChangesAreRefusedAndNothingIsWritten() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("colour", "red"))
                .patch("/api/v1/config")
                .then()
                .statusCode(400)
                .body("error.message", containsString("colour: unknown config key"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("logs", Map.of("buffer_size", 5)))
                .patch("/api/v1/config")
                .then()
                .statusCode(400)
                .body("error.message", containsString("logs.buffer_size"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("logs", Map.of("buffer_size", "lots")))
                .patch("/api/v1/config")
                .then()
                .statusCode(400)
                .body("error.message", containsString("logs.buffer_size"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("services", List.of(Map.of("name", "x"))))
                .patch("/api/v1/config")
                .then()
                .statusCode(400)
                .body("error.message", containsString("/api/v1/services"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("security", Map.of("admin_api_key", "mine")))
                .patch("/api/v1/config")
                .then()
                .statusCode(400);
        // Set by the environment (here: the test profile), so the environment wins and the API says where to change it.
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("server", Map.of("max_body_size", "1MB")))
                .patch("/api/v1/config")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.message", containsString("HEARTH_SERVER_MAX_BODY_SIZE"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body("[]")
                .patch("/api/v1/config")
                .then()
                .statusCode(400);
        Api.as("viewer")
                .get("/api/v1/config")
                .then()
                .body("logs.buffer_size", org.hamcrest.Matchers.greaterThanOrEqualTo(100));
    }

    @Test
    void securitySettingsChangeOnlyInTheFileNotThroughTheApi() {
        String before = Api.as("viewer")
                .get("/api/v1/config")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<Map<String, Object>> attempts = List.of(
                Map.of("security", Map.of("trusted_proxies", List.of("0.0.0.0/0"))),
                Map.of("security", Map.of("forward_auth", Map.of("enabled", true, "default_role", "admin"))),
                Map.of("security", Map.of("login", Map.of("max_failures", 1000000))),
                Map.of("security", Map.of("session_ttl", "3650d")),
                Map.of("rate_limits", Map.of("default_per_minute", 1000000)),
                Map.of("rate_limits", Map.of("groups", Map.of("auth", Map.of("per_minute", 1000000)))),
                Map.of("metrics", Map.of("require_auth", false)));
        for (Map<String, Object> attempt : attempts) {
            Api.admin()
                    .contentType(ContentType.JSON)
                    .body(attempt)
                    .patch("/api/v1/config")
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("INVALID_INPUT"))
                    .body("error.message", containsString("only in hearth.yml"));
        }
        Api.as("viewer").get("/api/v1/config").then().statusCode(200).body(equalTo(before));
    }

    @Test
    void valuesWrittenThroughTheApiAreTakenLiterallyAtTheNextStart() {
        // An admin key must not turn the config API into a reader of Hearth's environment: ${VAR} in a value
        // written here is text, at once and after a restart, and an unset one does not stop the next start.
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("domain", "${HEARTH_TEST_LEAK}", "media_dir", "${HEARTH_NOT_SET_ANYWHERE}"))
                .patch("/api/v1/config")
                .then()
                .statusCode(200)
                .body("config.domain", equalTo("${HEARTH_TEST_LEAK}"));
        try {
            HearthConfig nextStart = new ConfigLoader(TestConfig.environment(
                            Map.of("hearth.data_dir", config.dataDir().toString()),
                            Map.of("HEARTH_TEST_LEAK", "s3cret-from-the-environment")))
                    .load();
            assertEquals("${HEARTH_TEST_LEAK}", nextStart.domain());
            assertEquals("${HEARTH_NOT_SET_ANYWHERE}", nextStart.mediaDir());
        } finally {
            Api.admin()
                    .contentType(ContentType.JSON)
                    .body(Map.of("domain", "", "media_dir", ""))
                    .patch("/api/v1/config")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void theDataDirAndTheFilesWithSecretsAreTheOwnersAlone() throws Exception {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("logs", Map.of("buffer_size", 1800)))
                .patch("/api/v1/config")
                .then()
                .statusCode(200);
        Path data = config.dataDir();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        for (String file : List.of(
                "hearth.db",
                "hearth.db-wal",
                "hearth.db-shm",
                "config-overrides.yml",
                "webhook-secret",
                "initial-credentials.txt")) {
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))),
                    file);
        }
    }
}
