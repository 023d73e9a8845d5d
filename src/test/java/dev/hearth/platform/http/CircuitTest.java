package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircuitTest {

    private static final Duration OPEN_FOR = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger status = new AtomicInteger(503);
    private UpstreamDouble upstream;
    private HttpStack stack;
    private UpstreamClient client;

    @BeforeEach
    void start() throws IOException {
        upstream = UpstreamDouble.start();
        upstream.on("/status", (ex, r) -> UpstreamDouble.reply(ex, status.get(), "{}"));
        stack = new HttpStack(new ObjectMapper(), clock);
        client = stack.client(UpstreamSpec.of("plex", upstream.baseUrl())
                .withRetry(RetryPolicy.none())
                .withCircuit(new CircuitPolicy(3, OPEN_FOR)));
    }

    @AfterEach
    void stop() {
        stack.close();
        upstream.close();
    }

    private void failThreeTimes() {
        for (int i = 0; i < 3; i++) {
            assertEquals(503, client.get("/status").status());
        }
    }

    @Test
    void aDeadUpstreamOpensTheCircuitAndCallsFailFast() {
        failThreeTimes();
        assertEquals(CircuitState.OPEN, client.circuitState());

        long started = System.nanoTime();
        UpstreamException.CircuitOpen e =
                assertThrows(UpstreamException.CircuitOpen.class, () -> client.get("/status"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(Duration.ofMillis(50)) < 0, "fail fast took " + took);
        assertEquals(3, upstream.count("/status"), "the open circuit must not touch the upstream");
        assertEquals(clock.instant().plus(OPEN_FOR), e.openUntil());
        assertEquals("circuit_open", e.reason());
        assertTrue(e.getMessage().contains(e.openUntil().toString()), e.getMessage());
    }

    @Test
    void afterTheOpenPeriodOneTrialCallGoesThroughAndSuccessClosesTheCircuit() {
        failThreeTimes();
        clock.advance(OPEN_FOR);
        assertEquals(CircuitState.HALF_OPEN, client.circuitState());
        status.set(200);

        assertEquals(200, client.get("/status").status());

        assertEquals(CircuitState.CLOSED, client.circuitState());
        assertEquals(4, upstream.count("/status"));
    }

    @Test
    void aFailedTrialCallOpensTheCircuitAgainForAFullPeriod() {
        failThreeTimes();
        clock.advance(OPEN_FOR.plusSeconds(1));

        assertEquals(503, client.get("/status").status());

        assertEquals(CircuitState.OPEN, client.circuitState());
        UpstreamException.CircuitOpen e =
                assertThrows(UpstreamException.CircuitOpen.class, () -> client.get("/status"));
        assertEquals(clock.instant().plus(OPEN_FOR), e.openUntil());
        assertEquals(4, upstream.count("/status"));
    }

    @Test
    void whileATrialIsInFlightOtherCallsFailFast() throws Exception {
        failThreeTimes();
        clock.advance(OPEN_FOR);
        CountDownLatch trialArrived = new CountDownLatch(1);
        CountDownLatch finishTrial = new CountDownLatch(1);
        upstream.on("/slow", (ex, r) -> {
            trialArrived.countDown();
            try {
                finishTrial.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            UpstreamDouble.reply(ex, 200, "{}");
        });

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<UpstreamResponse> trial = threads.submit(() -> client.get("/slow"));
            assertTrue(trialArrived.await(5, TimeUnit.SECONDS), "the trial call never reached the upstream");

            assertEquals(CircuitState.HALF_OPEN, client.circuitState());
            assertThrows(UpstreamException.CircuitOpen.class, () -> client.get("/status"));

            finishTrial.countDown();
            assertEquals(200, trial.get(5, TimeUnit.SECONDS).status());
        }
        assertEquals(CircuitState.CLOSED, client.circuitState());
        assertEquals(3, upstream.count("/status"));
    }

    @Test
    void aClientErrorShowsTheUpstreamIsAliveAndResetsTheCount() {
        client.get("/status");
        client.get("/status");
        status.set(404);
        client.get("/status");
        status.set(503);
        client.get("/status");
        client.get("/status");

        assertEquals(CircuitState.CLOSED, client.circuitState());
    }

    @Test
    void anUnreachableUpstreamOpensTheCircuitToo() throws IOException {
        UpstreamClient dead = stack.client(
                UpstreamSpec.of("gone", java.net.URI.create("http://127.0.0.1:" + UpstreamDouble.freePort() + "/"))
                        .withRetry(RetryPolicy.none())
                        .withCircuit(new CircuitPolicy(2, OPEN_FOR)));

        assertThrows(UpstreamException.Unreachable.class, () -> dead.get("/"));
        assertThrows(UpstreamException.Unreachable.class, () -> dead.get("/"));

        assertThrows(UpstreamException.CircuitOpen.class, () -> dead.get("/"));
    }

    @Test
    void retriesStopWhenTheCircuitOpensAndTheRealFailureIsReported() {
        UpstreamClient retrying = stack.client(UpstreamSpec.of("plex", upstream.baseUrl())
                .withRetry(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(2)))
                .withCircuit(new CircuitPolicy(2, OPEN_FOR)));

        assertEquals(503, retrying.get("/status").status());

        assertEquals(2, upstream.count("/status"));
        assertEquals(CircuitState.OPEN, retrying.circuitState());
    }

    @Test
    void aDisabledCircuitNeverOpens() {
        UpstreamClient open = stack.client(UpstreamSpec.of("plex", upstream.baseUrl())
                .withRetry(RetryPolicy.none())
                .withCircuit(CircuitPolicy.disabled()));

        for (int i = 0; i < 10; i++) {
            assertEquals(503, open.get("/status").status());
        }
        assertEquals(CircuitState.CLOSED, open.circuitState());
    }
}
