package dev.hearth.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.monitoring.alerts.ConditionRule;
import dev.hearth.monitoring.alerts.DiskTrend;
import dev.hearth.monitoring.alerts.ThresholdRule;
import dev.hearth.monitoring.alerts.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private static final dev.hearth.monitoring.MonitoringConfig.Threshold CPU =
            new dev.hearth.monitoring.MonitoringConfig.Threshold(80, 90);
    private static final Duration FOR = Duration.ofMinutes(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ThresholdRule rule = new ThresholdRule();

    private List<Transition> feed(double... values) {
        List<Transition> out = new ArrayList<>();
        for (double v : values) {
            rule.evaluate(v, CPU, FOR, 5, clock.instant()).ifPresent(out::add);
            clock.advance(Duration.ofSeconds(5));
        }
        return out;
    }

    @Test
    void aValueHoveringAtTheLineRaisesOneAlertNotFifty() {
        double[] hovering = new double[200];
        for (int i = 0; i < hovering.length; i++)
            hovering[i] = i % 2 == 0 ? 80.4 : 78.9; // crosses the line every sample
        List<Transition> t = feed(hovering);
        // below the line the "for" timer restarts, so hovering before the alert raises nothing…
        assertEquals(List.of(), t);
        List<Transition> steady = feed(81, 81, 81, 81, 81, 81, 81, 81, 81, 81, 81, 81, 81);
        assertEquals(List.of(new Transition.Raise(AlertLevel.WARNING)), steady);
        // …and once raised, dipping under the line but within the hysteresis keeps the one alert
        assertEquals(List.of(), feed(hovering));
        assertEquals(List.of(new Transition.Clear()), feed(74.9));
    }

    @Test
    void aSpikeShorterThanTheForDurationRaisesNothing() {
        assertEquals(List.of(), feed(95, 95, 95, 95, 95, 95, 95, 95, 95, 95, 95, 50));
        assertTrue(!rule.firing());
    }

    @Test
    void aValueHeldForTheDurationRaisesThenEscalatesAndComesBackDown() {
        List<Transition> t = new ArrayList<>();
        for (int i = 0; i < 13; i++) t.addAll(feed(85)); // 65 s at warning
        assertEquals(List.of(new Transition.Raise(AlertLevel.WARNING)), t);
        t.clear();
        for (int i = 0; i < 13; i++) t.addAll(feed(93));
        assertEquals(List.of(new Transition.Change(AlertLevel.CRITICAL)), t);
        assertEquals(List.of(), feed(86)); // under 90, within the hysteresis
        assertEquals(List.of(new Transition.Change(AlertLevel.WARNING)), feed(84));
        assertEquals(List.of(new Transition.Clear()), feed(70));
    }

    @Test
    void exactlyTheForDurationIsEnough() {
        assertEquals(Optional.empty(), rule.evaluate(85, CPU, FOR, 5, clock.instant()));
        clock.advance(FOR.minusSeconds(1));
        assertEquals(Optional.empty(), rule.evaluate(85, CPU, FOR, 5, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(
                Optional.of(new Transition.Raise(AlertLevel.WARNING)), rule.evaluate(85, CPU, FOR, 5, clock.instant()));
    }

    @Test
    void aServiceMustBeDownForTheDurationAndClearsAtOnce() {
        ConditionRule down = new ConditionRule();
        assertTrue(!down.fires(true, FOR, clock.instant()));
        clock.advance(Duration.ofSeconds(30));
        assertTrue(!down.fires(false, FOR, clock.instant())); // back up: the timer restarts
        clock.advance(Duration.ofSeconds(30));
        assertTrue(!down.fires(true, FOR, clock.instant()));
        clock.advance(FOR);
        assertTrue(down.fires(true, FOR, clock.instant()));
        assertTrue(!down.fires(true, FOR, clock.instant()), "fires once");
        assertTrue(down.cleared(false));
    }

    @Test
    void aDiskFillingSteadilyIsForecastFromItsTrend() {
        DiskTrend trend = new DiskTrend(Duration.ofHours(1));
        long used = 100L << 30;
        for (int minute = 0; minute <= 30; minute++) {
            trend.add(clock.instant(), used + minute * (1L << 30) / 60); // 1 GiB an hour
            clock.advance(Duration.ofMinutes(1));
        }
        double hours = trend.hoursToFull(10L << 30).orElseThrow();
        assertEquals(10.0, hours, 0.1);
        DiskTrend flat = new DiskTrend(Duration.ofHours(1));
        for (int minute = 0; minute <= 30; minute++) {
            flat.add(clock.instant(), used);
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(flat.hoursToFull(10L << 30).isEmpty());
    }
}
