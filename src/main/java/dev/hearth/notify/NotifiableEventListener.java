package dev.hearth.notify;

import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;

/** Routes every {@link NotifiableEvent} on the bus to the channels. */
@Singleton
public class NotifiableEventListener implements EventListener<NotifiableEvent> {
    private final NotificationService notifications;

    public NotifiableEventListener(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Class<NotifiableEvent> type() {
        return NotifiableEvent.class;
    }

    @Override
    public void on(NotifiableEvent event) {
        notifications.notify(event.notification());
    }
}
