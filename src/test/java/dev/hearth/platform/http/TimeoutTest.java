package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeoutTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);
    /** Scheduling slack on a busy CI machine; the bound is still far below "hangs". */
    private static final Duration MARGIN = Duration.ofMillis(700);

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

    private UpstreamClient client(URI base) {
        return stack.client(UpstreamSpec.of("slowpoke", base)
                .withTimeouts(Duration.ofSeconds(1), REQUEST_TIMEOUT)
                .withRetry(RetryPolicy.none()));
    }

    @Test
    void aHungUpstreamFailsWithTimeoutWithinTheRequestTimeout() {
        upstream.hang("/hang");
        UpstreamClient client = client(upstream.baseUrl());

        long started = System.nanoTime();
        UpstreamException.Timeout e = assertThrows(UpstreamException.Timeout.class, () -> client.get("/hang"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(REQUEST_TIMEOUT.minusMillis(50)) >= 0, "gave up too early: " + took);
        assertTrue(took.compareTo(REQUEST_TIMEOUT.plus(MARGIN)) < 0, "took " + took);
        assertEquals("timeout", e.reason());
        assertEquals("slowpoke", e.upstream());
    }

    @Test
    void anUpstreamThatSendsHeadersButStallsTheBodyAlsoTimesOut() {
        upstream.on("/stall", (ex, r) -> {
            ex.sendResponseHeaders(200, 1000);
            OutputStream out = ex.getResponseBody();
            out.write("{\"partial\":".getBytes());
            out.flush();
            upstream.awaitRelease();
        });
        UpstreamClient client = client(upstream.baseUrl());

        long started = System.nanoTime();
        assertThrows(UpstreamException.Timeout.class, () -> client.get("/stall"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(REQUEST_TIMEOUT.plus(MARGIN)) < 0, "took " + took);
    }

    @Test
    void aPerRequestTimeoutOverridesTheUpstreamDefault() {
        upstream.hang("/hang");
        UpstreamClient client =
                stack.client(UpstreamSpec.of("slowpoke", upstream.baseUrl()).withRetry(RetryPolicy.none()));

        long started = System.nanoTime();
        assertThrows(
                UpstreamException.Timeout.class,
                () -> client.send(UpstreamRequest.get("/hang").withTimeout(Duration.ofMillis(200))));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(
                took.compareTo(Duration.ofMillis(200).plus(MARGIN)) < 0, "took " + took + ", the 5 s default applied?");
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        UpstreamClient client = client(URI.create("http://127.0.0.1:" + freePort + "/"));

        UpstreamException.Unreachable e =
                assertThrows(UpstreamException.Unreachable.class, () -> client.get("/anything"));

        assertEquals("unreachable", e.reason());
        assertTrue(e.getMessage().contains("127.0.0.1:" + freePort), e.getMessage());
    }

    @Test
    void theClientSpeaksPlainHttp11WithoutAnH2cUpgrade() {
        upstream.json("/ping", 200, "{}");

        client(upstream.baseUrl()).get("/ping");

        UpstreamDouble.Seen seen = upstream.last("/ping");
        assertEquals("HTTP/1.1", seen.protocol());
        assertNull(seen.header("Upgrade"));
    }
}
