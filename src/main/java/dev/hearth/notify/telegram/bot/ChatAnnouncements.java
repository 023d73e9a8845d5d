package dev.hearth.notify.telegram.bot;

import dev.hearth.notify.telegram.TelegramApi;
import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Sends a {@link ChatAnnouncement} to its chat once: claimed before the send, released if Telegram refuses it (the
 * bus delivers the event again later), found claimed when the event comes again.
 */
@Singleton
public class ChatAnnouncements implements EventListener<ChatAnnouncement> {
    private final TelegramBot bot;
    private final BotStore store;

    public ChatAnnouncements(TelegramBot bot, BotStore store) {
        this.bot = bot;
        this.store = store;
    }

    @Override
    public Class<ChatAnnouncement> type() {
        return ChatAnnouncement.class;
    }

    @Override
    public void on(ChatAnnouncement e) {
        Optional<TelegramApi> api = bot.api();
        if (api.isEmpty()) return;
        Optional<String> chat = store.claimAnnouncement(e.key());
        if (chat.isEmpty()) return;
        try {
            api.get().sendMessage(chat.get(), e.text(), null);
        } catch (RuntimeException ex) {
            store.unclaim(e.key());
            throw ex;
        }
    }
}
