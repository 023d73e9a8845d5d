package dev.hearth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.testing.Api;
import dev.hearth.testing.From;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The login route attacked as issue 10 describes it, over real HTTP from several loopback addresses: huge
 * names and passwords, forged log lines, and a stranger's wrong passwords for the owner's name.
 */
@QuarkusTest
class LoginAbuseTest {
    static final String PASSWORD = "correct horse battery";

    @Inject
    UserService users;

    private String newUser() {
        String name = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, PASSWORD, Role.ADMIN);
        return name;
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    /** Hearth's own log since {@code since}, as the API serves it. */
    private static List<String> logSince(Instant since) {
        return Api.admin()
                .get("/api/v1/logs?limit=1000&since=" + since)
                .jsonPath()
                .getList("logs.message");
    }

    @Test
    void anOverlongNameOrPasswordIsRefusedBeforeTheThrottleOrTheLogSeesIt() {
        Instant start = Instant.now();
        From stranger = From.address("127.0.0.5");
        String longName = "n" + repeat('x', 128);
        HttpResponse<String> name = stranger.post("/api/v1/auth/login", From.login(longName, "whatever"));
        assertEquals(400, name.statusCode(), name.body());
        assertEquals("username", From.json(name).at("/error/details/field").asText());
        HttpResponse<String> password = stranger.post("/api/v1/auth/login", From.login("admin", repeat('p', 1025)));
        assertEquals(400, password.statusCode(), password.body());
        assertEquals("password", From.json(password).at("/error/details/field").asText());
        // Neither counted as a failure: six such calls later the address is not locked.
        for (int i = 0; i < 6; i++) stranger.post("/api/v1/auth/login", From.login(longName, "whatever"));
        String user = newUser();
        assertEquals(
                200,
                stranger.post("/api/v1/auth/login", From.login(user, PASSWORD)).statusCode());
        assertTrue(
                logSince(start).stream().noneMatch(m -> m.contains("xxxxxxxxxxxxxxxx")),
                "the long name reached the log");
    }

    @Test
    void aNineMegabyteNameIsRefusedByTheLoginRoutesOwnBodyLimitDeclaredOrChunked() {
        From stranger = From.address("127.0.0.6");
        String huge = From.login(repeat('n', 9 * 1024 * 1024), "x");
        HttpResponse<String> declared = stranger.post("/api/v1/auth/login", huge);
        assertEquals(413, declared.statusCode());
        assertEquals("PAYLOAD_TOO_LARGE", From.json(declared).at("/error/code").asText());
        // Without Content-Length the limit holds while the body streams in.
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = stranger.send(HttpRequest.newBuilder(From.uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertEquals("PAYLOAD_TOO_LARGE", From.json(chunked).at("/error/code").asText());
        // A body a little over the login limit (4 KB) is refused too, though far below the server's.
        HttpResponse<String> five = stranger.post("/api/v1/auth/login", From.login("admin", "x".repeat(5 * 1024)));
        assertEquals(413, five.statusCode());
        InputStream five2 = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream("{\"username\":\"admin\",\"password\":\"".getBytes()),
                new ByteArrayInputStream(repeat('y', 5000).getBytes()),
                new ByteArrayInputStream("\"}".getBytes()))));
        HttpResponse<String> fiveChunked = stranger.send(HttpRequest.newBuilder(From.uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> five2)));
        assertEquals(413, fiveChunked.statusCode(), fiveChunked.body());
    }

    @Test
    void aNameWithLineBreaksCannotForgeALogLine() {
        Instant start = Instant.now();
        String forged = "mallory\n2026-12-01 12:00:00 ERROR [dev.hearth] forged-" + UUID.randomUUID();
        From.address("127.0.0.7").post("/api/v1/auth/login", From.login(forged, "wrong"));
        List<String> log = logSince(start);
        assertTrue(
                log.stream().noneMatch(m -> m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0),
                "a log entry holds a raw line break: " + log);
        assertTrue(
                log.stream().anyMatch(m -> m.contains("mallory\\n2026-12-01")),
                "the failed login is logged, escaped: " + log);
    }

    @Test
    void fiveWrongPasswordsFromAStrangerDoNotLockTheOwnerOut() {
        String owner = newUser();
        From stranger = From.address("127.0.0.8");
        for (int i = 0; i < 5; i++)
            assertEquals(
                    401,
                    stranger.post("/api/v1/auth/login", From.login(owner, "guess " + i))
                            .statusCode());
        HttpResponse<String> locked = stranger.post("/api/v1/auth/login", From.login(owner, PASSWORD));
        assertEquals(
                429, locked.statusCode(), "the guessing address is locked for that name, even with the right password");
        assertTrue(Integer.parseInt(locked.headers().firstValue("Retry-After").orElse("0")) >= 1);
        HttpResponse<String> home = From.address("127.0.0.9").post("/api/v1/auth/login", From.login(owner, PASSWORD));
        assertEquals(
                200,
                home.statusCode(),
                "the owner, from an address that has not been failing, gets in: " + home.body());
        assertEquals(owner, From.json(home).get("user").asText());
    }

    @Test
    void anAddressGuessingManyNamesIsLockedForEveryName() {
        String owner = newUser();
        From sprayer = From.address("127.0.0.10");
        for (int i = 0; i < 20; i++) {
            int status = sprayer.post("/api/v1/auth/login", From.login("spray-" + i, "Winter2026!"))
                    .statusCode();
            assertEquals(401, status, "attempt " + i);
        }
        JsonNode locked = From.json(sprayer.post("/api/v1/auth/login", From.login(owner, PASSWORD)));
        assertEquals(
                "RATE_LIMITED",
                locked.at("/error/code").asText(),
                "twenty failures from one address lock that address");
        assertFalse(From.address("127.0.0.11")
                        .post("/api/v1/auth/login", From.login(owner, PASSWORD))
                        .statusCode()
                != 200);
    }
}
