package dev.hearth.admin;

/**
 * How a command ended. {@code code} is the exit code, or -1 when it was killed (time limit or cancel);
 * {@code truncated} says output past {@code remote_admin.max_output} was dropped.
 */
public record CommandResult(
        String stdout,
        String stderr,
        int code,
        boolean success,
        boolean truncated,
        boolean timedOut,
        boolean cancelled,
        long durationMs) {}
