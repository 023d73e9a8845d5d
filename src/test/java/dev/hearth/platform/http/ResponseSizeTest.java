package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.testing.EndlessServer;
import dev.hearth.testing.Waits;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An upstream that answers without end (or announces 1 GB) costs Hearth at most the spec's bound in memory:
 * the call fails as a bad response naming the bound, long before its timeout, and the connection is dropped.
 */
class ResponseSizeTest {
    private HttpStack stack;

    @BeforeEach
    void start() {
        stack = new HttpStack(new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @ParameterizedTest
    @EnumSource(EndlessServer.Framing.class)
    void anEndlessAnswerFailsAtTheBoundNotAtTheTimeoutOrTheHeap(EndlessServer.Framing framing) {
        try (EndlessServer endless = new EndlessServer(framing)) {
            // A generous timeout: only the size bound can end this call quickly.
            UpstreamClient client = stack.client(UpstreamSpec.of("bigmouth", endless.url())
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(60))
                    .withRetry(RetryPolicy.none()));
            long t0 = System.nanoTime();
            UpstreamException.BadResponse e =
                    assertThrows(UpstreamException.BadResponse.class, () -> client.getJson("/api/everything"));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "failed after " + took);
            assertEquals("bad_response", e.reason());
            assertTrue(e.getMessage().contains("more than 16 MB"), e.getMessage());
            // The reader hung up: the server stops writing, having sent about the bound, not a gigabyte.
            Waits.until("the connection dropped", Duration.ofSeconds(5), () -> endless.openConnections() == 0);
            assertTrue(endless.bytesSent() < 64L * 1024 * 1024, "sent " + endless.bytesSent());
        }
    }

    @Test
    void theBoundIsPerSpecAndAnAnswerWithinItArrivesWhole() throws IOException {
        byte[] body = new byte[300 * 1024];
        ThreadLocalRandom.current().nextBytes(body);
        try (UpstreamDouble upstream = UpstreamDouble.start()) {
            upstream.on("/blob", (exchange, request) -> {
                exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse up front
                exchange.getResponseBody().write(body);
                exchange.getResponseBody().close();
            });
            UpstreamSpec spec = UpstreamSpec.of("small", upstream.baseUrl()).withRetry(RetryPolicy.none());
            assertArrayEquals(
                    body,
                    stack.client(spec.withMaxResponseBytes(300 * 1024))
                            .get("/blob")
                            .body());
            UpstreamException.BadResponse e = assertThrows(
                    UpstreamException.BadResponse.class,
                    () -> stack.client(spec.withMaxResponseBytes(256 * 1024)).get("/blob"));
            assertTrue(e.getMessage().contains("more than 256 KB"), e.getMessage());
        }
    }
}
