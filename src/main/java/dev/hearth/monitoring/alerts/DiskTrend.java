package dev.hearth.monitoring.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * How soon a disk fills at its current trend: a least-squares line through the used bytes of the last
 * {@code window}, one point a minute. Needs a quarter of the window before it answers, so a restart or a
 * single big file does not cry wolf.
 */
public final class DiskTrend {
    private record Point(long atMillis, double used) {}

    private final Duration window;
    private final Deque<Point> points = new ArrayDeque<>();

    public DiskTrend(Duration window) {
        this.window = window;
    }

    public void add(Instant at, long usedBytes) {
        long t = at.toEpochMilli();
        if (!points.isEmpty() && t - points.peekLast().atMillis() < 60_000) return;
        points.addLast(new Point(t, usedBytes));
        while (!points.isEmpty() && t - points.peekFirst().atMillis() > window.toMillis()) points.removeFirst();
    }

    /** Hours until {@code freeBytes} are used up; empty when not filling or too little data. */
    public OptionalDouble hoursToFull(long freeBytes) {
        if (points.size() < 3
                || points.peekLast().atMillis() - points.peekFirst().atMillis() < window.toMillis() / 4)
            return OptionalDouble.empty();
        double n = points.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        long t0 = points.peekFirst().atMillis();
        for (Point p : points) {
            double x = (p.atMillis() - t0) / 3_600_000.0;
            sx += x;
            sy += p.used();
            sxx += x * x;
            sxy += x * p.used();
        }
        double denominator = n * sxx - sx * sx;
        if (denominator == 0) return OptionalDouble.empty();
        double bytesPerHour = (n * sxy - sx * sy) / denominator;
        if (bytesPerHour <= 0) return OptionalDouble.empty();
        return OptionalDouble.of(freeBytes / bytesPerHour);
    }
}
