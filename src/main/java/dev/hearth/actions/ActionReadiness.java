package dev.hearth.actions;

/**
 * Whether an action a feature declares can do anything on this Hearth now (a title download needs a media manager or
 * an indexer). Declared by the feature, asked by a door such as the assistant, so the door need not depend on the
 * feature: the assistant answers "not set up" instead of asking questions for an action that can only fail.
 */
public interface ActionReadiness {
    /** False when {@code actionId} is this feature's and cannot succeed now; true otherwise. */
    boolean ready(String actionId);
}
