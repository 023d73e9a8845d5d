package dev.hearth.admin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An asynchronous job. {@code status}: queued, running, done (exit 0), failed, timeout, cancelled, or
 * interrupted (Hearth stopped or crashed while it ran). {@code result} is its output, {@code error} its
 * error output or why it ended.
 */
public record Job(
        String id,
        String kind,
        String input,
        String status,
        String actor,
        String result,
        String error,
        @Nullable Integer exitCode,
        boolean truncated,
        long timeoutMs,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public boolean finished() {
        return !status.equals("queued") && !status.equals("running");
    }
}
