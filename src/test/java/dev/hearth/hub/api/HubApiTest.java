package dev.hearth.hub.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The hub through its REST door, against the real qBittorrent and an API-key double. */
@QuarkusTest
@TestProfile(HubApiProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubApiTest {

    @Test
    @Order(1)
    void detectionFindsQbittorrentByNameWithItsVersionAndOffersTheIntegration() {
        Api.as("viewer").post("/api/v1/services/qbittorrent/detect").then().statusCode(403);
        Api.as("operator")
                .post("/api/v1/services/qbittorrent/detect")
                .then()
                .statusCode(200)
                .body("services[0].found", equalTo(true))
                .body("services[0].method", equalTo("name"))
                .body("services[0].type", equalTo("qbittorrent"))
                .body("services[0].auth_style", equalTo("session_cookie"))
                .body(
                        "services[0].version",
                        org.hamcrest.Matchers.nullValue()) // qBittorrent tells it only after a login
                .body("services[0].offer.kind", equalTo("qbittorrent"))
                .body("services[0].offer.fields", hasItems("username", "password"));
        Api.as("viewer")
                .get("/api/v1/services/qbittorrent/api")
                .then()
                .statusCode(200)
                .body("api_base", endsWithPath("/api/v2"));
        // a second detection without force is the cached one; the dead service is not found, within its timeout
        long t0 = System.nanoTime();
        Api.as("operator")
                .post("/api/v1/services/detect")
                .then()
                .statusCode(200)
                .body("cached", equalTo(1))
                .body("services.find { it.service == 'gone' }.found", equalTo(false))
                .body("services.find { it.service == 'series' }.found", equalTo(true))
                .body("services.find { it.service == 'series' }.method", equalTo("probe"));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(8)) < 0);
        Api.admin().get("/api/v1/audit").then().body(containsString("hub.detect"));
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.endsWith(path);
    }

    @Test
    @Order(2)
    void credentialsSetThroughTheApiAreWriteOnlyAndTheKindUsesThem() {
        Map<String, String> creds = Map.of("username", QbittorrentDaemon.USER, "password", QbittorrentDaemon.PASSWORD);
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(creds)
                .put("/api/v1/services/qbittorrent/credentials")
                .then()
                .statusCode(403);
        // Test connection before saving: the wrong password is refused, the right one accepted, nothing stored
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("credentials", Map.of("username", "admin", "password", "wrong-password")))
                .post("/api/v1/services/qbittorrent/credentials/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body(not(containsString("wrong-password")));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("credentials", creds))
                .post("/api/v1/services/qbittorrent/credentials/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("path", equalTo("/api/v2/app/version"));
        Api.as("operator")
                .get("/api/v1/services/qbittorrent/credentials")
                .then()
                .statusCode(200)
                .body("fields.size()", equalTo(0));

        // without credentials (none in hearth.yml) the qbittorrent kind cannot log in
        assertEquals(
                "unhealthy",
                Api.as("viewer")
                        .get("/api/v1/services/health?refresh=true")
                        .then()
                        .extract()
                        .path("services.find { it.name == 'qbittorrent' }.health"));
        String answer = Api.admin()
                .contentType(ContentType.JSON)
                .body(creds)
                .put("/api/v1/services/qbittorrent/credentials")
                .then()
                .statusCode(200)
                .body("fields.field", hasItems("username", "password"))
                .body("fields.find { it.field == 'password' }.set", equalTo(true))
                .body("fields.find { it.field == 'password' }.source", equalTo("vault"))
                .body("fields.find { it.field == 'password' }.set_at", org.hamcrest.Matchers.notNullValue())
                .extract()
                .asString();
        assertFalse(answer.contains(QbittorrentDaemon.PASSWORD), answer);
        String audit = Api.admin().get("/api/v1/audit").then().extract().asString();
        assertTrue(audit.contains("hub.set_credentials"), audit);
        assertFalse(audit.contains(QbittorrentDaemon.PASSWORD), "the audit holds the password");

        // the qbittorrent kind, which had no credentials in hearth.yml, logs in with the vault's
        Waits.until(
                "qbittorrent healthy with the vault's credentials",
                Duration.ofSeconds(30),
                () -> Api.as("viewer")
                        .get("/api/v1/services/health?refresh=true")
                        .then()
                        .extract()
                        .path("services.find { it.name == 'qbittorrent' }.health"),
                "healthy"::equals);
    }

    @Test
    @Order(3)
    void theProxyCarriesTheSeedsShapeWithViewerReadsAndOperatorWrites() {
        Api.as("viewer")
                .queryParam("path", "/api/v2/app/version")
                .get("/api/v1/services/qbittorrent/proxy")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("status", equalTo(200))
                .body("data", startsWith("v4."));
        String hash = "8c0e9a2bb6d1e9f1a7d3c5b4e2f1a0b9c8d7e6f5";
        String form = "urls=magnet%3A%3Fxt%3Durn%3Abtih%3A" + hash + "%26dn%3Dhub-api&paused=true";
        Api.as("viewer")
                .contentType("application/x-www-form-urlencoded")
                .body(form)
                .queryParam("path", "/api/v2/torrents/add")
                .post("/api/v1/services/qbittorrent/proxy")
                .then()
                .statusCode(403);
        Api.as("operator")
                .contentType("application/x-www-form-urlencoded")
                .body(form)
                .queryParam("path", "/api/v2/torrents/add")
                .post("/api/v1/services/qbittorrent/proxy")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data", equalTo("Ok."));
        Waits.until(
                "the magnet is listed through the proxy, extra query parameters forwarded",
                Duration.ofSeconds(10),
                () -> Api.as("viewer")
                        .queryParam("path", "/api/v2/torrents/info")
                        .queryParam("hashes", hash)
                        .get("/api/v1/services/qbittorrent/proxy")
                        .then()
                        .extract()
                        .path("data.size()"),
                n -> Integer.valueOf(1).equals(n));
        String audit = Api.admin().get("/api/v1/audit").then().extract().asString();
        assertTrue(audit.contains("hub.proxy_write"), audit);
        assertFalse(audit.contains("hub-api"), "the proxied body reached the audit");
        Api.as("operator")
                .contentType("application/x-www-form-urlencoded")
                .body("hashes=" + hash + "&deleteFiles=false")
                .queryParam("path", "/api/v2/torrents/delete")
                .post("/api/v1/services/qbittorrent/proxy")
                .then()
                .statusCode(200)
                .body("success", equalTo(true));
    }

    @Test
    @Order(4)
    void theUpstreamsStatusIsCarriedAndHearthYmlCredentialsStillWork() {
        Api.as("viewer")
                .queryParam("path", "/api/v3/system/status")
                .get("/api/v1/services/series/proxy")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.appName", equalTo("Sonarr"))
                .body(not(containsString(HubApiProfile.KEY)));
        Api.as("viewer")
                .queryParam("path", "/missing")
                .get("/api/v1/services/qbit-ro/proxy")
                .then()
                .statusCode(403)
                .body("success", equalTo(false))
                .body("reason", equalTo("not_on_allow_list"));
        Api.as("viewer")
                .queryParam("path", "/api/v2/app/version")
                .get("/api/v1/services/qbit-ro/proxy")
                .then()
                .statusCode(200)
                .body("success", equalTo(false))
                .body("status", equalTo(403));
        Api.admin()
                .get("/api/v1/services/series/credentials")
                .then()
                .statusCode(200)
                .body("fields[0].field", equalTo("api_key"))
                .body("fields[0].source", equalTo("hearth.yml"))
                .body(not(containsString(HubApiProfile.KEY)));
    }

    @Test
    @Order(5)
    void ssrfAndDeadUpstreamsAreRefusedInTheSeedsShape() {
        for (String path : new String[] {
            "http://169.254.169.254/latest/meta-data",
            "//evil.example/x",
            "/api/%2e%2e/%2e%2e/etc/passwd",
            "\\\\host\\x"
        }) {
            Api.as("viewer")
                    .queryParam("path", path)
                    .get("/api/v1/services/series/proxy")
                    .then()
                    .statusCode(400)
                    .body("success", equalTo(false))
                    .body("reason", equalTo("invalid_path"));
        }
        int before = HubApiProfile.keyed.requests.size();
        long t0 = System.nanoTime();
        Api.as("viewer")
                .queryParam("path", "/api/status")
                .get("/api/v1/services/gone/proxy")
                .then()
                .statusCode(503)
                .body("success", equalTo(false))
                .body("reason", equalTo("unreachable"));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(5)) < 0);
        Api.as("viewer")
                .get("/api/v1/services/series/proxy")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
        Api.as("viewer")
                .queryParam("path", "/x")
                .get("/api/v1/services/nope/proxy")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        assertEquals(before, HubApiProfile.keyed.requests.size(), "a refused call reached the upstream");
    }

    @Test
    @Order(6)
    void aServiceDockerDoesNotRunNamesItsApiByTheLabelsOfItsEntry() {
        Api.as("operator")
                .post("/api/v1/services/nas/detect")
                .then()
                .statusCode(200)
                .body("services[0].found", equalTo(true))
                .body("services[0].method", equalTo("label"))
                .body("services[0].type", equalTo("sonarr"))
                .body("services[0].api_base", endsWithPath("/api/v3"));
        // added through the API: the same labels object, checked, and read the same way
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "nas-two",
                        "url",
                        HubApiProfile.files.url().toString(),
                        "integration",
                        "http",
                        "labels",
                        Map.of("bad key!", "x")))
                .post("/api/v1/services")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "nas-two",
                        "url",
                        HubApiProfile.files.url().toString(),
                        "integration",
                        "http",
                        "labels",
                        Map.of("homelab.api.type", "radarr", "homelab.api.endpoint", "/api/v3")))
                .post("/api/v1/services")
                .then()
                .statusCode(201);
        Api.as("operator")
                .post("/api/v1/services/nas-two/detect")
                .then()
                .statusCode(200)
                .body("services[0].method", equalTo("label"))
                .body("services[0].type", equalTo("radarr"));
        Api.admin().delete("/api/v1/services/nas-two").then().statusCode(200);
    }

    @Test
    @Order(7)
    void binaryAnswersRoundTripByteExactAsBase64AndRaw() {
        String b64 = Api.as("viewer")
                .queryParam("path", "/img.png")
                .get("/api/v1/services/nas/proxy")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("encoding", equalTo("base64"))
                .body("content_type", equalTo("image/png"))
                .extract()
                .path("data");
        assertArrayEquals(HubApiProfile.IMAGE, java.util.Base64.getDecoder().decode(b64));

        io.restassured.response.Response raw = Api.as("viewer")
                .queryParam("path", "/img.png")
                .queryParam("raw", "true")
                .get("/api/v1/services/nas/proxy");
        assertEquals(200, raw.statusCode());
        assertEquals("image/png", raw.contentType());
        assertEquals("200", raw.header("X-Upstream-Status"));
        assertTrue(raw.headers().getValues("Content-Security-Policy").contains("sandbox; default-src 'none'"));
        assertArrayEquals(HubApiProfile.IMAGE, raw.asByteArray());
        assertTrue(
                HubApiProfile.files.requests.stream()
                        .noneMatch(r -> r.rawQuery() != null && r.rawQuery().contains("raw")),
                "Hearth's raw parameter reached the service");

        // a page must never be served from Hearth's origin as a page: a download, sandboxed
        io.restassured.response.Response page = Api.as("viewer")
                .queryParam("path", "/page.html")
                .queryParam("raw", "true")
                .get("/api/v1/services/nas/proxy");
        assertEquals(200, page.statusCode());
        assertEquals("application/octet-stream", page.contentType());
        assertEquals("attachment", page.header("Content-Disposition"));

        // the service's JSON is passed as it wrote it: 1.10 stays 1.10, a 30-digit number stays whole
        String numbers = Api.as("viewer")
                .queryParam("path", "/api/v3/numbers")
                .get("/api/v1/services/nas/proxy")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(numbers.contains(HubApiProfile.HAND_WRITTEN_JSON), numbers);

        // every proxied read is in the audit the moment the audit is asked, though written in batches
        String audit =
                Api.admin().get("/api/v1/audit?limit=10").then().extract().asString();
        assertTrue(audit.contains("hub.proxy_read") && audit.contains("/api/v3/numbers"), audit);
    }
}
