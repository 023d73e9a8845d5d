package dev.hearth.notify;

/**
 * Told of every new notification, inside the transaction that records it, so what a tap writes (an event to the
 * outbox) stands or falls with the notification. For a listener that follows some notifications to a place the
 * channels do not know, like the Telegram chat that asked for a download. A tap must be quick and must not send.
 */
public interface NotificationTap {
    void raised(Notification notification);
}
