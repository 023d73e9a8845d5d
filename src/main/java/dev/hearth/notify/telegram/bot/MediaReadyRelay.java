package dev.hearth.notify.telegram.bot;

import dev.hearth.notify.Notification;
import dev.hearth.notify.NotificationTap;
import dev.hearth.platform.events.EventBus;
import jakarta.inject.Singleton;

/**
 * "Ready to watch" to the chat that asked for the title: the media feature raises the notification once, after the
 * library refresh, under the key {@code media:ready:<task>}; a chat that started that task by title is remembered
 * under the same key ({@link TelegramBot}), so the notification is followed there too. Through the outbox, so a
 * refused or failed send is retried and a restart loses nothing.
 */
@Singleton
public class MediaReadyRelay implements NotificationTap {
    /** The media feature's key for a download that is in the library; the bot remembers media tasks by it. */
    public static final String READY_PREFIX = "media:ready:";

    private final BotStore store;
    private final EventBus bus;

    public MediaReadyRelay(BotStore store, EventBus bus) {
        this.store = store;
        this.bus = bus;
    }

    @Override
    public void raised(Notification n) {
        if (!n.dedupKey().startsWith(READY_PREFIX) || !store.owed(n.dedupKey())) return;
        String text = "🎬 " + n.title() + (n.message().isBlank() ? "" : "\n" + n.message());
        bus.publish(new ChatAnnouncement(n.dedupKey(), text));
    }
}
