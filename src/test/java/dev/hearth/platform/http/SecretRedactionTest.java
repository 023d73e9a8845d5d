package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    private static final String SECRET = "SUPERSECRET-1234";

    private UpstreamDouble upstream;
    private HttpStack stack;

    @BeforeEach
    void start() throws IOException {
        upstream = UpstreamDouble.start();
        stack = new HttpStack(new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stack.close();
        upstream.close();
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(SECRET), "secret leaked into: " + text);
        assertFalse(text.contains("U1VQRVJTRUNSRVQ"), "base64 of the secret leaked into: " + text);
    }

    @Test
    void secretsNeverAppearInToStringOfSpecsStrategiesAndRequests() {
        List<AuthStrategy> strategies = List.of(
                AuthStrategy.apiKeyHeader("X-Api-Key", SECRET),
                AuthStrategy.bearer(SECRET),
                AuthStrategy.basic("admin", SECRET),
                AuthStrategy.sessionCookie(
                        raw -> raw.postForm("/login", Map.of("password", SECRET)), r -> r.status() == 403));
        for (AuthStrategy auth : strategies) {
            assertNoSecret(auth.toString());
            UpstreamSpec spec = UpstreamSpec.of("svc", URI.create("http://127.0.0.1:1/"))
                    .withAuth(auth)
                    .withHeader("X-Plex-Token", SECRET);
            assertNoSecret(spec.toString());
            assertNoSecret(stack.client(spec).toString());
        }
        assertTrue(
                AuthStrategy.basic("admin", SECRET).toString().contains("admin"),
                "the user name helps and is not secret");

        UpstreamRequest request = UpstreamRequest.post(
                        "/api/v2?apikey=" + SECRET, ("password=" + SECRET).getBytes(), "text/plain")
                .withQuery("apikey", SECRET)
                .withHeader("Authorization", SECRET);
        assertNoSecret(request.toString());
        assertNoSecret(MultipartPart.field("password", SECRET).toString());
    }

    @Test
    void secretsNeverAppearInExceptionMessages() throws IOException {
        upstream.json("/api/v2", 401, "{\"error\":\"unauthorized\"}");
        upstream.hang("/hang");
        UpstreamClient bearer = stack.client(UpstreamSpec.of("tautulli", upstream.baseUrl())
                .withAuth(AuthStrategy.bearer(SECRET))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
                .withRetry(RetryPolicy.none()));

        assertNoSecret(
                assertThrows(UpstreamException.HttpStatus.class, () -> bearer.getJson("/api/v2?apikey=" + SECRET))
                        .getMessage());
        assertNoSecret(assertThrows(
                        UpstreamException.Timeout.class,
                        () -> bearer.send(UpstreamRequest.get("/hang").withQuery("apikey", SECRET)))
                .getMessage());
        UpstreamClient unreachable =
                stack.client(UpstreamSpec.of("gone", URI.create("http://127.0.0.1:" + UpstreamDouble.freePort() + "/"))
                        .withAuth(AuthStrategy.basic("admin", SECRET))
                        .withRetry(RetryPolicy.none()));
        assertNoSecret(assertThrows(UpstreamException.Unreachable.class, () -> unreachable.get("/x?token=" + SECRET))
                .getMessage());

        upstream.on("/login", (ex, r) -> UpstreamDouble.reply(ex, 200, "Fails."));
        UpstreamClient cookie = stack.client(UpstreamSpec.of("qbittorrent", upstream.baseUrl())
                .withAuth(AuthStrategy.sessionCookie(
                        raw -> {
                            if (raw.postForm("/login", Map.of("password", SECRET))
                                    .text()
                                    .equals("Fails.")) {
                                throw new UpstreamException.AuthFailed(raw.name(), "login refused; check the password");
                            }
                        },
                        r -> r.status() == 403)));
        assertNoSecret(assertThrows(UpstreamException.AuthFailed.class, () -> cookie.get("/x"))
                .getMessage());
        assertNoSecret(assertThrows(UpstreamException.AuthFailed.class, () -> cookie.get("/x"))
                .getMessage());
    }

    @Test
    void aBaseUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> UpstreamSpec.of("svc", URI.create("http://admin:" + SECRET + "@127.0.0.1:8080/")));

        assertNoSecret(e.getMessage());
        assertTrue(e.getMessage().contains("AuthStrategy.basic"), e.getMessage());
    }
}
