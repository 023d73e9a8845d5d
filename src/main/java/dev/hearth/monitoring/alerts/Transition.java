package dev.hearth.monitoring.alerts;

import dev.hearth.monitoring.AlertLevel;

/** What a rule's evaluation changed: an alert to raise, an open one's new level, or its end. */
public sealed interface Transition {
    record Raise(AlertLevel level) implements Transition {}

    record Change(AlertLevel level) implements Transition {}

    record Clear() implements Transition {}
}
