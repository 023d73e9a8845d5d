package dev.hearth.services;

import java.util.Locale;

/** What a service's runtime is doing, in one vocabulary for containers and processes. */
public enum RunState {
    RUNNING,
    STARTING,
    RESTARTING,
    STOPPED,
    EXITED,
    FAILED,
    UNREACHABLE,
    UNKNOWN;

    /** The wire word: {@code running}, {@code exited}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From Docker's state word (created, running, paused, restarting, removing, exited, dead). */
    public static RunState ofDocker(String state) {
        return switch (state) {
            case "running" -> RUNNING;
            case "restarting" -> RESTARTING;
            case "created" -> STOPPED;
            case "paused" -> STOPPED;
            case "exited" -> EXITED;
            case "dead", "removing" -> FAILED;
            default -> UNKNOWN;
        };
    }
}
