package dev.hearth.admin;

import java.util.Map;

/**
 * One call of the Python worker. {@code variables} maps each name to its type and, when it is JSON, its value.
 * {@code workerRestarted}: the worker was killed (time limit) or died, and its variables are gone.
 */
public record PythonResult(
        String output,
        String error,
        boolean success,
        Map<String, Variable> variables,
        boolean truncated,
        boolean timedOut,
        boolean workerRestarted,
        long durationMs) {

    /** A variable of the worker: its Python type name, and its value when that is JSON-representable (else absent). */
    public record Variable(
            String type, @org.jspecify.annotations.Nullable Object value, boolean representable) {}
}
