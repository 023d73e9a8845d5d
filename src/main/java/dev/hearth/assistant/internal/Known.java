package dev.hearth.assistant.internal;

import java.util.Optional;
import java.util.Set;

/** Which actions this Hearth has, and their parameter names: the planner proposes only what exists. */
public interface Known {
    /** The parameter names of {@code action}, or empty when no such action exists. */
    Optional<Set<String>> params(String action);

    default boolean exists(String action) {
        return params(action).isPresent();
    }
}
