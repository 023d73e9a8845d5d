package dev.hearth.notify.telegram.bot;

import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;

/**
 * Sends a {@link ChatAnnouncement} to its chat once: claimed before the send, released if Telegram refuses it (the
 * bus delivers the event again later), found claimed when the event comes again.
 */
@Singleton
public class ChatAnnouncements implements EventListener<ChatAnnouncement> {
    private final TelegramBot bot;

    public ChatAnnouncements(TelegramBot bot) {
        this.bot = bot;
    }

    @Override
    public Class<ChatAnnouncement> type() {
        return ChatAnnouncement.class;
    }

    @Override
    public void on(ChatAnnouncement e) {
        bot.announce(e.key(), e.text());
    }
}
