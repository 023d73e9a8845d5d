package dev.hearth.notify.telegram.bot;

import dev.hearth.downloads.DownloadCompleted;
import dev.hearth.notify.telegram.TelegramApi;
import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * "Download finished" to the chat that started the download, once: the task's row is claimed before the message goes
 * out and released if Telegram refuses it, so the bus's retry sends it then; a repeated event finds it claimed.
 */
@Singleton
public class BotCompletions implements EventListener<DownloadCompleted> {
    private final TelegramBot bot;
    private final BotStore store;

    public BotCompletions(TelegramBot bot, BotStore store) {
        this.bot = bot;
        this.store = store;
    }

    @Override
    public Class<DownloadCompleted> type() {
        return DownloadCompleted.class;
    }

    @Override
    public void on(DownloadCompleted e) {
        Optional<TelegramApi> api = bot.api();
        if (api.isEmpty()) return;
        Optional<String> chat = store.claimAnnouncement(e.taskId());
        if (chat.isEmpty()) return;
        try {
            api.get().sendMessage(chat.get(), "✅ Download finished: " + e.name(), null);
        } catch (RuntimeException ex) {
            store.unclaim(e.taskId());
            throw ex;
        }
    }
}
