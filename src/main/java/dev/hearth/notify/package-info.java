/** Notifications: the Notifier capability, the notification record, routing and the public service. */
@NullMarked
package dev.hearth.notify;

import org.jspecify.annotations.NullMarked;
