package dev.hearth.hub.vault;

/**
 * Told each {@link RotationStep} as a rotation reaches it, on the rotating thread. Production passes
 * {@link #NONE}; the crash tests pass one that halts the process there, then kill it, to prove a restart
 * completes or rolls back the rotation from any of these points.
 */
@FunctionalInterface
public interface RotationObserver {
    RotationObserver NONE = step -> {};

    void reached(RotationStep step);
}
