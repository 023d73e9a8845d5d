package dev.hearth.notify.telegram.bot;

import dev.hearth.downloads.DownloadCompleted;
import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;

/**
 * "Download finished" to the chat that started the download, once: the task's row is claimed before the message goes
 * out and released if Telegram refuses it, so the bus's retry sends it then; a repeated event finds it claimed.
 */
@Singleton
public class BotCompletions implements EventListener<DownloadCompleted> {
    private final TelegramBot bot;

    public BotCompletions(TelegramBot bot) {
        this.bot = bot;
    }

    @Override
    public Class<DownloadCompleted> type() {
        return DownloadCompleted.class;
    }

    @Override
    public void on(DownloadCompleted e) {
        bot.announce(e.taskId(), "✅ Download finished: " + e.name());
    }
}
