package dev.hearth.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.live.LiveHub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveHubTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A connection that records what it was sent; a slow one never finishes writing. */
    private static final class FakeSink implements LiveHub.Sink {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final boolean slow;
        int closedWith;

        FakeSink(boolean slow) {
            this.slow = slow;
        }

        @Override
        public CompletionStage<?> send(String text) {
            sent.add(text);
            return slow ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        }

        @Override
        public void close(int code, String reason) {
            closedWith = code;
        }
    }

    @Test
    void aSlowClientIsDroppedAndTheOthersKeepReceiving() {
        LiveHub hub = dev.hearth.testing.TestLive.hub(JSON, 4);
        FakeSink slow = new FakeSink(true), fast = new FakeSink(false);
        hub.connect(slow, LiveHub.Format.ENVELOPE).subscribe("system_metrics", null);
        hub.connect(fast, LiveHub.Format.ENVELOPE).subscribe("system_metrics", null);
        for (int i = 0; i < 10; i++) hub.publish("system_metrics", null, Map.of("n", i));
        assertEquals(4, slow.sent.size(), "a slow client gets no more than its queue");
        assertEquals(LiveHub.TRY_AGAIN_LATER, slow.closedWith);
        assertEquals(1, hub.dropped());
        assertEquals(10, fast.sent.size());
        assertEquals(1, hub.clients());
    }

    @Test
    void taskUpdatesGoToClientsOfThatTaskOrOfAllTasksInEachFormat() throws Exception {
        LiveHub hub = dev.hearth.testing.TestLive.hub(JSON, 16);
        FakeSink one = new FakeSink(false), all = new FakeSink(false), seed = new FakeSink(false);
        hub.connect(one, LiveHub.Format.ENVELOPE).subscribe("task_updates", "task_1");
        hub.connect(all, LiveHub.Format.ENVELOPE).subscribe("task_updates", null);
        LiveHub.Client s = hub.connect(seed, LiveHub.Format.SEED);
        s.subscribe("alerts", null);
        hub.publish("task_updates", "task_1", Map.of("progress", 50.5));
        hub.publish("task_updates", "task_2", Map.of("progress", 10));
        hub.publish("alerts", null, Map.of("message", "disk"));
        assertEquals(1, one.sent.size());
        assertEquals(2, all.sent.size());
        var m = JSON.readTree(one.sent.getFirst());
        assertEquals("task_update", m.get("type").asText());
        assertEquals("task_1", m.get("taskId").asText());
        assertEquals(50.5, m.get("data").get("progress").asDouble());
        var a = JSON.readTree(seed.sent.getFirst());
        assertEquals("alert", a.get("type").asText());
        assertTrue(!a.has("channel"), "the seed's shape is {type, data}");
    }

    @Test
    void aCallerHoldsAtMostItsSocketsAndALapsedCredentialClosesItsSocket() {
        LiveHub hub = new LiveHub(
                JSON,
                new dev.hearth.platform.live.LiveSettings(16, java.time.Duration.ofMinutes(1), 2, 3),
                dev.hearth.testing.TestLive.channels());
        java.util.concurrent.atomic.AtomicBoolean valid = new java.util.concurrent.atomic.AtomicBoolean(true);
        FakeSink one = new FakeSink(false), two = new FakeSink(false);
        LiveHub.Client first =
                hub.connect(one, LiveHub.Format.ENVELOPE, "key:1", valid::get).orElseThrow();
        hub.connect(two, LiveHub.Format.ENVELOPE, "key:1", valid::get).orElseThrow();
        assertTrue(
                hub.connect(new FakeSink(false), LiveHub.Format.ENVELOPE, "key:1", valid::get)
                        .isEmpty(),
                "a third socket for key:1");
        assertTrue(
                hub.connect(new FakeSink(false), LiveHub.Format.ENVELOPE, "key:2", () -> true)
                        .isPresent(),
                "another caller is not held back");
        for (int i = 0; i < 3; i++) first.subscribe("task_updates", "task_" + i);
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> first.subscribe("task_updates", "task_9"));
        valid.set(false);
        assertEquals(2, hub.sweep());
        assertEquals(LiveHub.POLICY_VIOLATION, one.closedWith);
        assertEquals(1, hub.clients());
        assertTrue(
                hub.connect(new FakeSink(false), LiveHub.Format.ENVELOPE, "key:1", () -> true)
                        .isPresent(),
                "closed sockets no longer count");
    }
}
