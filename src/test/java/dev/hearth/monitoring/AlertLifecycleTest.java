package dev.hearth.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void anAlertIsRaisedAcknowledgedAndResolvedWithItsEventsStoredInTheSameTransaction(@TempDir Path dir) {
        ConfigService config = TestConfig.sqlite(dir);
        Database db = new Database(config);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        EventBus bus = new EventBus(db, JSON, clock, List.of()); // not started: published events wait in the outbox
        AlertService alerts = new AlertService(db, bus, dev.hearth.testing.TestLive.hub(JSON, 8), JSON, clock, config);

        Alert raised = alerts.raise("cpu", AlertLevel.WARNING, "system", "CPU use is 85%", Map.of("value", 85));
        assertEquals(Alert.State.RAISED, raised.state());
        assertEquals(1, bus.pending());
        assertEquals(
                raised.id(),
                alerts.raise("cpu", AlertLevel.WARNING, "system", "CPU use is 86%", Map.of())
                        .id(),
                "one open alert per key");
        assertEquals(1, bus.pending(), "the same level again tells no one");

        clock.advance(Duration.ofMinutes(1));
        Alert escalated = alerts.raise("cpu", AlertLevel.CRITICAL, "system", "CPU use is 95%", Map.of());
        assertEquals(AlertLevel.CRITICAL, escalated.level());
        assertEquals(2, bus.pending(), "escalation is told again");

        Alert acked = alerts.acknowledge(raised.id(), "user:ann").orElseThrow();
        assertEquals(Alert.State.ACKNOWLEDGED, acked.state());
        assertEquals("user:ann", acked.acknowledgedBy());
        assertEquals(1, alerts.summary().acknowledged());
        assertEquals(1L, alerts.summary().byLevel().get(AlertLevel.CRITICAL));

        Alert resolved = alerts.resolve("cpu", "rule").orElseThrow();
        assertEquals(Alert.State.RESOLVED, resolved.state());
        assertEquals(3, bus.pending());
        assertTrue(alerts.resolve("cpu", "rule").isEmpty(), "resolving twice does nothing");
        assertEquals(0, alerts.summary().open());
        List<String> types = db.query("SELECT type FROM event_outbox ORDER BY id", rs -> rs.getString(1));
        assertEquals(
                List.of(AlertRaised.class.getName(), AlertRaised.class.getName(), AlertResolved.class.getName()),
                types);

        Alert again = alerts.raise("cpu", AlertLevel.WARNING, "system", "CPU use is 85%", Map.of());
        assertTrue(again.id() != raised.id(), "after resolving, the condition raises a new alert");
        AlertService.Page page = alerts.list(null, null, Instant.EPOCH, 1, 0);
        assertEquals(2, page.total());
        assertTrue(page.hasMore());
        assertEquals(again.id(), page.alerts().getFirst().id(), "newest first");
        assertEquals(
                1, alerts.list(AlertLevel.CRITICAL, null, Instant.EPOCH, 10, 0).total());

        clock.advance(Duration.ofDays(91));
        assertEquals(1, alerts.prune(), "resolved alerts past retention are deleted; open ones stay");
    }
}
