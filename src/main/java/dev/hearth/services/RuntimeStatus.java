package dev.hearth.services;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A runtime's state as the seeds show it: running, pid, host and port (Moccha's start answer), when it
 * started, how its last run ended, and a message a person can act on.
 *
 * @param exitCode the last exit code, null if it never ended
 * @param health   the container's own healthcheck word (healthy, unhealthy, starting) or null
 * @param expected whether the last exit was asked for through Hearth (true) or happened on its own
 */
public record RuntimeStatus(
        RunState state,
        @Nullable Long pid,
        @Nullable String host,
        @Nullable Integer port,
        @Nullable Instant startedAt,
        @Nullable Integer exitCode,
        @Nullable String health,
        boolean expected,
        String message) {

    public boolean running() {
        return state == RunState.RUNNING;
    }

    /** How long it has run, if it runs. */
    public @Nullable Duration uptime(Instant now) {
        return running() && startedAt != null ? Duration.between(startedAt, now) : null;
    }

    public static RuntimeStatus unreachable(String message) {
        return new RuntimeStatus(RunState.UNREACHABLE, null, null, null, null, null, null, false, message);
    }
}
