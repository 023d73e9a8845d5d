package dev.hearth.platform.http;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The circuit of one upstream. Time comes from the injected {@link Clock}, so the open period
 * can be driven by tests. The methods are short and never block inside the monitor, so
 * {@code synchronized} does not pin virtual threads for any noticeable time.
 */
final class Circuit {

    private final String upstream;
    private final CircuitPolicy policy;
    private final Clock clock;

    private int consecutiveFailures;
    private @Nullable Instant openUntil; // non-null while OPEN or HALF_OPEN
    private boolean trialInFlight;

    Circuit(String upstream, CircuitPolicy policy, Clock clock) {
        this.upstream = upstream;
        this.policy = policy;
        this.clock = clock;
    }

    /** What a call was allowed as: the outcome of a trial decides the circuit alone. */
    enum Permit {
        NORMAL,
        TRIAL
    }

    /** Lets a call through or throws {@link UpstreamException.CircuitOpen} without any I/O. */
    synchronized Permit acquire() {
        Instant until = openUntil;
        if (!policy.enabled() || until == null) {
            return Permit.NORMAL;
        }
        if (clock.instant().isBefore(until)) {
            throw new UpstreamException.CircuitOpen(
                    upstream,
                    "failing (" + consecutiveFailures + " failures in a row); calls fail fast until " + until
                            + " without contacting it",
                    until);
        }
        if (trialInFlight) {
            throw new UpstreamException.CircuitOpen(
                    upstream,
                    "failing (" + consecutiveFailures
                            + " failures in a row); a trial call is checking whether it is back",
                    until);
        }
        trialInFlight = true;
        return Permit.TRIAL;
    }

    /** Whether a retry would be let through now; does not take the trial slot. */
    synchronized boolean wouldAllow() {
        Instant until = openUntil;
        return !policy.enabled()
                || until == null
                || (!trialInFlight && !clock.instant().isBefore(until));
    }

    /** The upstream answered (any status below 500): it is alive. */
    synchronized void succeeded(Permit permit) {
        consecutiveFailures = 0;
        openUntil = null;
        if (permit == Permit.TRIAL) {
            trialInFlight = false;
        }
    }

    /** Unreachable, timeout or 5xx. */
    synchronized void failed(Permit permit) {
        consecutiveFailures++;
        if (permit == Permit.TRIAL) {
            trialInFlight = false;
        }
        if (policy.enabled()
                && (permit == Permit.TRIAL || openUntil != null || consecutiveFailures >= policy.failureThreshold())) {
            openUntil = clock.instant().plus(policy.openFor());
        }
    }

    /** The call ended without saying anything about the upstream (interrupted, a bug in the request). */
    synchronized void abandoned(Permit permit) {
        if (permit == Permit.TRIAL) {
            trialInFlight = false;
        }
    }

    synchronized CircuitState state() {
        Instant until = openUntil;
        if (!policy.enabled() || until == null) {
            return CircuitState.CLOSED;
        }
        return trialInFlight || !clock.instant().isBefore(until) ? CircuitState.HALF_OPEN : CircuitState.OPEN;
    }
}
