package dev.hearth.platform.http;

/** The circuit of one upstream, as seen now. */
public enum CircuitState {
    /** Calls go through. */
    CLOSED,
    /** Calls fail fast with {@link UpstreamException.CircuitOpen} without touching the upstream. */
    OPEN,
    /** The open period is over: the next call is a trial whose outcome closes or re-opens the circuit. */
    HALF_OPEN
}
