package dev.hearth.services;

import dev.hearth.platform.events.HearthEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A service's runtime changed state. {@code expected} tells a stop asked for through Hearth from a death
 * on its own; only the latter is {@code alertable}, and it carries its exit code.
 *
 * @param runtime  docker or process
 * @param state    the new state word: running, exited, stopped, failed, restarting, unhealthy, healthy
 * @param detail   where: {@code endpoint/container}, or the program's pid
 */
public record ServiceStateChanged(
        String service,
        String runtime,
        String state,
        @Nullable Integer exitCode,
        boolean expected,
        String detail,
        Instant at)
        implements HearthEvent {

    /** An alert rule should fire: it ended (or crash-looped) without anyone asking. */
    public boolean alertable() {
        return !expected && (state.equals("exited") || state.equals("failed") || state.equals("unhealthy"));
    }
}
