package dev.hearth.platform.http;

import java.time.Duration;
import java.util.Objects;

/**
 * When the circuit of one upstream opens: after {@code failureThreshold} consecutive failures
 * (unreachable, timeout, 5xx) calls fail fast for {@code openFor}, so a dead service costs a page
 * nothing instead of a timeout per widget. A threshold of 0 disables the circuit.
 */
public record CircuitPolicy(int failureThreshold, Duration openFor) {

    public CircuitPolicy {
        Objects.requireNonNull(openFor, "openFor");
        if (failureThreshold < 0) {
            throw new IllegalArgumentException(
                    "failureThreshold must be 0 (disabled) or more, was " + failureThreshold);
        }
        if (openFor.isNegative()) {
            throw new IllegalArgumentException("openFor must not be negative, was " + openFor);
        }
    }

    /** Opens after 5 consecutive failures, for 30 s. */
    public static CircuitPolicy defaults() {
        return new CircuitPolicy(5, Duration.ofSeconds(30));
    }

    /** Never opens. */
    public static CircuitPolicy disabled() {
        return new CircuitPolicy(0, Duration.ZERO);
    }

    public boolean enabled() {
        return failureThreshold > 0;
    }
}
