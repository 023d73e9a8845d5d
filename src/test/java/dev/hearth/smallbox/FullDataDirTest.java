package dev.hearth.smallbox;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import dev.hearth.testing.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 9: the data dir's file system (a 16 MB tmpfs) filled to the brim. Writes answer 503 naming
 * the path, never 500; a critical alert says so; reads go on; once space is freed writes succeed again, the
 * alert resolves, and every write that was answered with success is there.
 */
@QuarkusTest
@TestProfile(SmallBoxProfile.class)
class FullDataDirTest {
    private static final Path FILLER = SmallBoxProfile.FS.resolve("filler.bin");
    private static final Path FILLER2 = SmallBoxProfile.FS.resolve("filler2.bin");

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    @AfterEach
    void freeTheSpace() throws IOException {
        Files.deleteIfExists(FILLER);
        Files.deleteIfExists(FILLER2);
    }

    /** Writes until the file system refuses another byte; answers how much went in. */
    private static long fillToTheBrim(Path file) {
        long written = 0;
        for (int size : new int[] {1 << 20, 64 * 1024, 4096, 512, 1}) {
            byte[] block = new byte[size];
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                while (true) {
                    out.write(block);
                    written += size;
                }
            } catch (IOException full) {
                // no space left for a block of this size: try smaller ones
            }
        }
        return written;
    }

    private static Response createKey(String name) {
        return Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", "viewer"))
                .post("/api/v1/keys");
    }

    private static List<String> keyNames() {
        return Api.admin()
                .get("/api/v1/keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("keys.name");
    }

    private static Map<String, Object> alert(String state) {
        Response r = Api.as("viewer").get("/api/v1/alerts?limit=100" + (state == null ? "" : "&state=" + state));
        assertEquals(200, r.statusCode(), "reading the alerts: " + r.asString());
        List<Map<String, Object>> alerts = r.jsonPath().getList("alerts");
        return alerts.stream()
                .filter(a -> "data_dir:full".equals(a.get("key")))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aFullDataDirAnswers503RaisesAnAlertKeepsReadsAndRecovers() throws Exception {
        String dataDir = SmallBoxProfile.DATA.toString();
        List<String> acknowledged = new ArrayList<>();
        String before = "before-" + UUID.randomUUID();
        createKey(before).then().statusCode(201);
        acknowledged.add(before);
        Api.key("viewer"); // created now: while the disk is full, creating it would be a write like any other
        Waits.until(
                "the space reserve taken",
                Duration.ofSeconds(10),
                () -> Files.exists(SmallBoxProfile.DATA.resolve("space-reserve")));

        fillToTheBrim(FILLER);
        // The watch gives back its space reserve to record the alert: a critical alert, readable while full.
        Map<String, Object> raised = Waits.until(
                "the data dir alert",
                Duration.ofSeconds(20),
                () -> alert(null),
                a -> a != null && !"resolved".equals(a.get("state")));
        assertEquals("critical", raised.get("level"));
        assertTrue(
                String.valueOf(raised.get("message")).contains("The data directory's file system is full: " + dataDir),
                raised.toString());
        // Now nothing is left at all: the reserve is eaten too.
        fillToTheBrim(FILLER2);

        // A change of configuration (a file in the data dir): 503, naming the path, and nothing changes.
        int bufferBefore = Api.as("viewer")
                .get("/api/v1/config")
                .then()
                .statusCode(200)
                .extract()
                .path("logs.buffer_size");
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("logs", Map.of("buffer_size", bufferBefore + 1)))
                .patch("/api/v1/config")
                .then()
                .statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("error.message", containsString("the data directory's file system is full"))
                .body("error.details.path", equalTo(dataDir))
                .body("error.details.reason", equalTo("disk_full"));
        Api.as("viewer").get("/api/v1/config").then().statusCode(200).body("logs.buffer_size", equalTo(bufferBefore));

        // Database writes: SQLite may still fit a few into room its journal already holds; then 503, never 500.
        Response refused = null;
        for (int i = 0; i < 3000 && refused == null; i++) {
            String name = "while-full-" + i;
            Response r = createKey(name);
            if (r.statusCode() == 201) {
                acknowledged.add(name);
            } else {
                refused = r;
            }
        }
        assertTrue(refused != null, "3000 writes into a full file system all succeeded");
        refused.then()
                .statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("error.message", containsString("the data directory's file system is full: " + dataDir))
                .body("error.details.path", equalTo(dataDir));
        // Reads go on.
        assertTrue(keyNames().containsAll(acknowledged));
        Api.as("viewer").get("/api/v1/status").then().statusCode(200);

        // Space back: writes succeed, the alert resolves, the reserve is taken again, nothing acknowledged is lost.
        Files.delete(FILLER);
        Files.delete(FILLER2);
        Waits.until(
                "the alert resolved",
                Duration.ofSeconds(20),
                () -> alert("resolved"),
                a -> a != null && a.get("id").equals(raised.get("id")));
        String after = "after-" + UUID.randomUUID();
        createKey(after).then().statusCode(201);
        acknowledged.add(after);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("logs", Map.of("buffer_size", bufferBefore + 1)))
                .patch("/api/v1/config")
                .then()
                .statusCode(200);
        assertTrue(keyNames().containsAll(acknowledged), "every write answered 201 is there");
        assertTrue(Files.exists(SmallBoxProfile.DATA.resolve("space-reserve")), "the space reserve is taken again");
    }
}
