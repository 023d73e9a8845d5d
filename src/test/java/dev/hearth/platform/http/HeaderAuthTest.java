package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeaderAuthTest {

    private UpstreamDouble upstream;
    private HttpStack stack;

    @BeforeEach
    void start() throws IOException {
        upstream = UpstreamDouble.start();
        upstream.json("/api", 200, "{}");
        stack = new HttpStack(new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stack.close();
        upstream.close();
    }

    private UpstreamClient client(AuthStrategy auth) {
        return stack.client(UpstreamSpec.of("svc", upstream.baseUrl()).withAuth(auth));
    }

    @Test
    void anApiKeyHeaderIsSentOnEveryRequest() {
        UpstreamClient client = client(AuthStrategy.apiKeyHeader("X-Api-Key", "k-123"));

        client.get("/api");
        client.postJson("/api", Map.of("a", 1));

        upstream.requests("/api").forEach(seen -> assertEquals("k-123", seen.header("X-Api-Key")));
        assertEquals(2, upstream.count("/api"));
    }

    @Test
    void aBearerTokenIsSent() {
        client(AuthStrategy.bearer("t0k3n")).get("/api");

        assertEquals("Bearer t0k3n", upstream.last("/api").header("Authorization"));
    }

    @Test
    void basicAuthSendsTheBase64OfUserColonPasswordInUtf8() {
        client(AuthStrategy.basic("admin", "pässwörd:with:colons")).get("/api");

        String header = upstream.last("/api").header("Authorization");
        assertEquals("Basic YWRtaW46cMOkc3N3w7ZyZDp3aXRoOmNvbG9ucw==", header);
        assertEquals(
                "admin:pässwörd:with:colons",
                new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8));
    }

    @Test
    void noAuthSendsNoAuthorizationHeader() {
        client(AuthStrategy.none()).get("/api");

        assertNull(upstream.last("/api").header("Authorization"));
    }

    @Test
    void transmissionStyleSessionHeaderIsExchangedOnTheChallengeAndReused() {
        AtomicReference<String> currentId = new AtomicReference<>("id-1");
        upstream.on("/transmission/rpc", (ex, r) -> {
            if (!currentId.get().equals(r.header("X-Transmission-Session-Id"))) {
                ex.getResponseHeaders().set("X-Transmission-Session-Id", currentId.get());
                // The real 409 page contains the header text too; the client must read the header.
                UpstreamDouble.reply(
                        ex, 409, "<h1>409: Conflict</h1><p><code>X-Transmission-Session-Id: not-this-one</code></p>");
            } else {
                UpstreamDouble.reply(ex, 200, "{\"result\":\"success\"}");
            }
        });
        UpstreamClient client = client(AuthStrategy.sessionHeader("X-Transmission-Session-Id", 409));

        assertEquals(
                200,
                client.postJson("/transmission/rpc", Map.of("method", "session-get"))
                        .status());
        assertEquals(2, upstream.count("/transmission/rpc"), "one challenge, one repeat");

        assertEquals(
                200,
                client.postJson("/transmission/rpc", Map.of("method", "session-get"))
                        .status());
        assertEquals(3, upstream.count("/transmission/rpc"), "the stored id is reused");

        currentId.set("id-2"); // the daemon restarted
        assertEquals(
                200,
                client.postJson("/transmission/rpc", Map.of("method", "torrent-get"))
                        .status());
        assertEquals(5, upstream.count("/transmission/rpc"));
        assertEquals("id-2", upstream.last("/transmission/rpc").header("X-Transmission-Session-Id"));
    }

    @Test
    void aChallengeWithoutTheHeaderIsReturnedAsItIs() {
        upstream.json("/conflict", 409, "{\"error\":\"conflict\"}");
        UpstreamClient client = client(AuthStrategy.sessionHeader("X-Transmission-Session-Id", 409));

        assertEquals(409, client.get("/conflict").status());
        assertEquals(1, upstream.count("/conflict"));
    }
}
