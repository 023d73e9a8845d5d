package dev.hearth.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time moved to a chosen moment, and movable: spacing still passes in real time, quiet hours can be jumped over. */
final class ShiftedClock extends Clock {
    private volatile Duration offset;

    ShiftedClock(Instant startAt) {
        offset = Duration.between(Instant.now(), startAt);
    }

    void jumpTo(Instant t) {
        offset = Duration.between(Instant.now(), t);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
