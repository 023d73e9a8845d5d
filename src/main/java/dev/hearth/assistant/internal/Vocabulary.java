package dev.hearth.assistant.internal;

import java.util.List;

/**
 * The names the planner matches a message against. Each list is read only when a message needs it (a download's
 * name is not looked up for "status"), through the action catalog with the caller's own role.
 */
public interface Vocabulary {
    /** {@code id} is what an action takes (a service name, a task id, alert-12); {@code label} what a person calls it. */
    record Named(String id, String label) {}

    List<Named> services();

    List<Named> tasks();

    List<Named> openAlerts();

    List<String> categories();
}
