package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {

    // Real backoff, but tiny, so the suite stays fast.
    private static final RetryPolicy THREE_QUICK = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    private UpstreamDouble upstream;
    private HttpStack stack;
    private UpstreamClient client;

    @BeforeEach
    void start() throws IOException {
        upstream = UpstreamDouble.start();
        stack = new HttpStack(new ObjectMapper(), Clock.systemUTC());
        client = stack.client(UpstreamSpec.of("sonarr", upstream.baseUrl())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
                .withRetry(THREE_QUICK)
                .withCircuit(CircuitPolicy.disabled()));
    }

    @AfterEach
    void stop() {
        stack.close();
        upstream.close();
    }

    /** Answers the given statuses in turn, then the last one forever. */
    private void answers(String path, int... statuses) {
        AtomicInteger calls = new AtomicInteger();
        upstream.on(path, (ex, r) -> {
            int i = Math.min(calls.getAndIncrement(), statuses.length - 1);
            UpstreamDouble.reply(ex, statuses[i], "{\"call\":" + i + "}");
        });
    }

    @Test
    void anIdempotentGetIsRetriedOnA503AndSucceeds() {
        answers("/api/v3/queue", 503, 502, 200);

        UpstreamResponse response = client.get("/api/v3/queue");

        assertEquals(200, response.status());
        assertEquals(3, upstream.count("/api/v3/queue"));
    }

    @Test
    void aPostThatGetsA503IsTriedExactlyOnce() {
        answers("/api/v3/command", 503, 200);

        UpstreamResponse response = client.postJson("/api/v3/command", java.util.Map.of("name", "RefreshSeries"));

        assertEquals(503, response.status());
        assertEquals(1, upstream.count("/api/v3/command"));
    }

    @Test
    void aPostMarkedIdempotentIsRetried() {
        answers("/json", 504, 200);

        UpstreamResponse response = client.send(UpstreamRequest.post("/json", "{}".getBytes(), "application/json")
                .asIdempotent());

        assertEquals(200, response.status());
        assertEquals(2, upstream.count("/json"));
    }

    @Test
    void aClientErrorIsNeverRetried() {
        answers("/missing", 404, 200);

        assertEquals(404, client.get("/missing").status());
        assertEquals(1, upstream.count("/missing"));
    }

    @Test
    void aPlain500IsNotRetriedBecauseItIsNotAGatewayError() {
        answers("/boom", 500, 200);

        assertEquals(500, client.get("/boom").status());
        assertEquals(1, upstream.count("/boom"));
    }

    @Test
    void retriesStopAfterMaxAttemptsAndTheLastAnswerIsReturned() {
        answers("/down", 503);

        assertEquals(503, client.get("/down").status());
        assertEquals(3, upstream.count("/down"));
        UpstreamException.HttpStatus e =
                assertThrows(UpstreamException.HttpStatus.class, () -> client.getJson("/down"));
        assertEquals(503, e.status());
        assertEquals(6, upstream.count("/down"));
    }

    @Test
    void aTimedOutGetIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        upstream.on("/flaky", (ex, r) -> {
            if (calls.getAndIncrement() == 0) {
                upstream.awaitRelease(); // the first attempt hangs
            } else {
                UpstreamDouble.reply(ex, 200, "ok");
            }
        });

        assertEquals("ok", client.get("/flaky").text());
        assertEquals(2, upstream.count("/flaky"));
    }

    @Test
    void backoffDoublesIsCappedAndJittered() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));

        assertEquals(Duration.ofMillis(50), Backoff.before(policy, 1, 0.0));
        assertEquals(Duration.ofMillis(100), Backoff.before(policy, 1, 1.0));
        assertEquals(Duration.ofMillis(100), Backoff.before(policy, 2, 0.0));
        assertEquals(Duration.ofMillis(200), Backoff.before(policy, 2, 1.0));
        assertEquals(Duration.ofMillis(200), Backoff.before(policy, 3, 0.0));
        assertEquals(Duration.ofMillis(500), Backoff.before(policy, 5, 0.0), "capped at 1 s, jitter keeps half");
        assertEquals(Duration.ofMillis(1000), Backoff.before(policy, 60, 1.0), "no overflow on many retries");
        Duration jittered = Backoff.before(policy, 2, 0.5);
        assertTrue(
                jittered.compareTo(Duration.ofMillis(100)) > 0 && jittered.compareTo(Duration.ofMillis(200)) < 0,
                jittered.toString());
    }
}
