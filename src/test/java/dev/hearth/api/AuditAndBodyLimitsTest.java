package dev.hearth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.actions.AuditLog;
import dev.hearth.actions.AuditRetention;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.Api;
import dev.hearth.testing.From;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit log and the body limits, attacked as issue 10 describes: a viewer filling the audit with
 * parameters of a call it may not make, a huge parameter, JSON bodies far past any real request. In the
 * test configuration JSON bodies are limited to 32 KB and every body to 64 KB (production: 1 MB and 10 MB).
 */
@QuarkusTest
class AuditAndBodyLimitsTest {
    @Inject
    AuditRetention retention;

    @Inject
    AuditLog audit;

    @Inject
    Database db;

    private static Map<String, Object> newestAudit(String action, String actor) {
        List<Map<String, Object>> entries =
                Api.admin().get("/api/v1/audit?limit=200").jsonPath().getList("entries");
        return entries.stream()
                .filter(e -> e.get("action").equals(action) && e.get("actor").equals(actor))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " by " + actor + " in " + entries));
    }

    @Test
    void aRefusedCallIsRecordedWithItsActionAndParameterNamesOnly() {
        String marker = "z".repeat(5000);
        HttpResponse<String> r = From.address("127.0.0.1")
                .post(
                        "/api/v1/actions/keys.create",
                        "{\"name\": \"" + marker + "\", \"role\": \"admin\", \"bogus\": true}",
                        "X-API-Key",
                        Api.key("viewer"));
        assertEquals(403, r.statusCode(), "the role is checked before the parameters: " + r.body());
        assertEquals("admin", From.json(r).at("/error/details/required_role").asText());
        Map<String, Object> entry = newestAudit("keys.create", "key:test-viewer");
        assertEquals("forbidden", entry.get("outcome"));
        assertEquals("[\"bogus\",\"name\",\"role\"]", entry.get("params"));
    }

    @Test
    void auditedParametersAreCappedAt4KB() {
        String name = "cap-" + UUID.randomUUID() + "q".repeat(20_000);
        HttpResponse<String> r = From.address("127.0.0.1")
                .post(
                        "/api/v1/actions/keys.create",
                        "{\"name\": \"" + name + "\", \"role\": \"viewer\"}",
                        "X-API-Key",
                        Api.ADMIN_KEY);
        assertEquals(400, r.statusCode(), r.body());
        Map<String, Object> entry = newestAudit("keys.create", "key:admin (HEARTH_ADMIN_API_KEY)");
        String params = (String) entry.get("params");
        assertTrue(params.length() <= 4096, "audited parameters: " + params.length() + " characters");
        assertTrue(
                params.contains("cap-"), "what fits is kept: " + params.substring(0, Math.min(200, params.length())));
    }

    @Test
    void jsonBodiesHaveTheirOwnLimitWhetherDeclaredOrStreamed() {
        byte[] body = ("{\"name\": \"" + "j".repeat(40 * 1024) + "\", \"role\": \"viewer\"}")
                .getBytes(StandardCharsets.UTF_8);
        From admin = From.address("127.0.0.1");
        HttpResponse<String> declared = admin.send(
                HttpRequest.newBuilder(From.uri("/api/v1/keys"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                "X-API-Key",
                Api.ADMIN_KEY);
        assertEquals(413, declared.statusCode(), declared.body());
        assertEquals(
                32 * 1024, From.json(declared).at("/error/details/max_bytes").asInt());
        HttpResponse<String> streamed = admin.send(
                HttpRequest.newBuilder(From.uri("/api/v1/keys"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
                "X-API-Key",
                Api.ADMIN_KEY);
        assertEquals(413, streamed.statusCode(), streamed.body());
        assertEquals("PAYLOAD_TOO_LARGE", From.json(streamed).at("/error/code").asText());
        // A streamed body within the limit is read as any other.
        byte[] small = ("{\"name\": \"streamed-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\", \"role\": \"viewer\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> fine = admin.send(
                HttpRequest.newBuilder(From.uri("/api/v1/keys"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))),
                "X-API-Key",
                Api.ADMIN_KEY);
        assertEquals(201, fine.statusCode(), fine.body());
    }

    @Test
    void theTorrentUploadKeepsTheLargerServerLimit() {
        byte[] torrent = new byte[40 * 1024];
        String boundary = "hearth-test-" + UUID.randomUUID();
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"torrent\"; filename=\"big.torrent\"\r\n"
                                + "Content-Type: application/x-bittorrent\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        multipart.writeBytes(torrent);
        multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = multipart.toByteArray();
        From operator = From.address("127.0.0.1");
        for (HttpRequest.BodyPublisher publisher : List.of(
                HttpRequest.BodyPublishers.ofByteArray(bytes),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))) {
            HttpResponse<String> r = operator.send(
                    HttpRequest.newBuilder(From.uri("/api/v1/downloads"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(publisher),
                    "X-API-Key",
                    Api.key("operator"));
            assertNotEquals(413, r.statusCode(), "a 40 KB .torrent is below the server's limit: " + r.body());
            assertTrue(r.statusCode() < 500 || r.statusCode() == 503, r.statusCode() + " " + r.body());
        }
        byte[] tooBig = new byte[70 * 1024];
        HttpResponse<String> over = operator.send(
                HttpRequest.newBuilder(From.uri("/api/v1/downloads"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(tooBig)),
                "X-API-Key",
                Api.key("operator"));
        assertEquals(413, over.statusCode());
    }

    @Test
    void auditEntriesOlderThanTheRetentionArePruned() {
        Instant now = Instant.now();
        String marker = "retention-" + UUID.randomUUID();
        db.insert(
                "INSERT INTO audit_log (at, actor, role, door, action, params, outcome, message, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                now.minus(Duration.ofDays(91)).toEpochMilli(),
                marker,
                "admin",
                "rest",
                "keys.create",
                "{}",
                "ok",
                "",
                0);
        db.insert(
                "INSERT INTO audit_log (at, actor, role, door, action, params, outcome, message, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                now.minus(Duration.ofDays(89)).toEpochMilli(),
                marker,
                "admin",
                "rest",
                "keys.revoke",
                "{}",
                "ok",
                "",
                0);
        assertTrue(retention.prune() >= 1);
        List<String> left = db.query("SELECT action FROM audit_log WHERE actor = ?", rs -> rs.getString(1), marker);
        assertEquals(
                List.of("keys.revoke"),
                left,
                "the 91-day-old entry is gone, the 89-day-old one kept (default retention 90d)");
        assertFalse(audit.recent(10, 0, Instant.EPOCH).isEmpty());
    }
}
