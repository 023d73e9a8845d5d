package dev.hearth.services;

import dev.hearth.platform.integration.Health;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line per service for the status blocks (Hearth's {@code /api/v1/status}, the automation door's
 * {@code /status}): running or not, uptime, and what its feature last read about it. Everything comes from
 * the health board and the features' last polls; nothing here asks an upstream.
 */
@Singleton
public class ServiceLines {
    /** {@code status} is running, down or unknown; {@code figures} is null for a service no feature reads figures from. */
    public record Line(
            String name, String status, @Nullable Duration uptime, StatusFigures.@Nullable Figures figures) {}

    private final HealthBoard board;
    private final Clock clock;
    private final Instance<StatusFigures> sources;

    public ServiceLines(HealthBoard board, Clock clock, Instance<StatusFigures> sources) {
        this.board = board;
        this.clock = clock;
        // Looked up per call: the features behind them depend on this package.
        this.sources = sources;
    }

    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        for (HealthBoard.Entry e : board.entries()) {
            RuntimeStatus runtime = e.runtime();
            Health.Status health = e.health().status();
            boolean running = (runtime != null && runtime.running()) || health == Health.Status.ONLINE;
            String status = running ? "running" : health == Health.Status.OFFLINE ? "down" : "unknown";
            out.add(new Line(
                    e.name(),
                    status,
                    runtime == null ? null : runtime.uptime(clock.instant()),
                    running ? figures(e.name()) : null));
        }
        return out;
    }

    private StatusFigures.@Nullable Figures figures(String name) {
        for (StatusFigures source : sources) {
            Optional<StatusFigures.Figures> f = source.figures(name);
            if (f.isPresent()) return f.get();
        }
        return null;
    }
}
