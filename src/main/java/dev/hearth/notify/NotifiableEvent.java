package dev.hearth.notify;

import dev.hearth.platform.events.HearthEvent;

/**
 * The hook for features whose events the user should hear about (monitoring's AlertRaised/AlertResolved, a
 * finished download, a service going down): let the event record implement this, and
 * {@link NotifiableEventListener} routes every published one through {@link NotificationService#notify} with no
 * code here knowing the event's class. Give the notification a stable {@code dedupKey} (e.g. the alert id and
 * state): the bus may deliver an event twice after a crash, and the key collapses the repeat.
 */
public interface NotifiableEvent extends HearthEvent {
    /** Not a bean getter on purpose: the event is stored as JSON, and this is derived, not stored. */
    Notification notification();
}
