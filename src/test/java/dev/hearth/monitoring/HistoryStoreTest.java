package dev.hearth.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.monitoring.history.HistoryPoint;
import dev.hearth.monitoring.history.HistoryStore;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    private static HostSnapshot sample(Instant at, double cpu) {
        return new HostSnapshot(
                at,
                new HostSnapshot.Cpu(cpu, List.of(cpu), 1, 1, 1, 50.0),
                new HostSnapshot.Memory(16L << 30, 8L << 30, 8L << 30, 0, 0),
                List.of(),
                new HostSnapshot.Network(List.of(), 1000, 100, 10_000, 1_000, null, false),
                List.of(),
                List.of(),
                List.of());
    }

    private static final HostSnapshot.Disk DISK =
            new HostSnapshot.Disk("/", "/dev/sda", "ext4", 100L << 30, 40L << 30, 60L << 30);

    @Test
    void samplesRollUpIntoMinutesAndHoursAndEachTierIsPrunedAtItsRetention(@TempDir Path dir) {
        ConfigService config = TestConfig.with(
                dir, Map.of("hearth.monitoring.history.raw", "30m", "hearth.monitoring.history.minute", "2h"));
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        HistoryStore store = new HistoryStore(new Database(config), config, clock);
        // three hours at 10 s: CPU 20 % in even minutes, 40 % in odd ones
        for (int i = 0; i < 3 * 360; i++) {
            Instant at = clock.instant();
            store.record(sample(at, (at.getEpochSecond() / 60) % 2 == 0 ? 20 : 40), DISK);
            clock.advance(Duration.ofSeconds(10));
        }
        Instant now = clock.instant();
        List<HistoryPoint> minutes = store.query(
                now.minus(Duration.ofMinutes(90)), now.minus(Duration.ofMinutes(60)), Duration.ofMinutes(1));
        assertEquals(31, minutes.size(), "minute rows where raw rows were pruned");
        assertTrue(minutes.stream().allMatch(p -> p.samples() == 6), "each minute row averages six samples");
        assertTrue(minutes.stream().allMatch(p -> p.cpuUsage() == 20 || p.cpuUsage() == 40));

        List<HistoryPoint> fiveMinutes = store.query(now.minus(Duration.ofMinutes(25)), now, Duration.ofMinutes(5));
        assertTrue(
                fiveMinutes.stream().allMatch(p -> p.at().getEpochSecond() % 300 == 0),
                "points are aligned to the resolution");
        assertTrue(fiveMinutes.stream()
                .filter(p -> p.samples() == 30)
                .allMatch(p -> p.cpuUsage() == 28 || p.cpuUsage() == 32));

        List<HistoryPoint> hours = store.query(Instant.parse("2026-01-01T00:00:00Z"), now, Duration.ofHours(1));
        assertEquals(3, hours.size());
        assertEquals(
                Instant.parse("2026-01-01T00:00:00Z"),
                hours.getFirst().at(),
                "the oldest hour comes from the hour tier");
        assertEquals(360, hours.getFirst().samples());
        assertEquals(30.0, hours.getFirst().cpuUsage(), 0.001);

        long rows = store.rows();
        for (int i = 0; i < 360; i++) {
            store.record(sample(clock.instant(), 30), DISK);
            clock.advance(Duration.ofSeconds(10));
        }
        // 30 min raw (180) + 2 h of minutes (120) + hours: bounded whatever the uptime
        assertTrue(store.rows() <= 186 + 122 + 5, "rows stay bounded: " + store.rows() + " (before: " + rows + ")");
    }
}
