package dev.hearth.notify.telegram.bot;

import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.notify.telegram.TelegramApi;
import dev.hearth.notify.telegram.TelegramException;
import dev.hearth.platform.web.ApiException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Progress of a download a chat started, told to that chat at 25, 50 and 75 % in one message that is edited at each
 * step (a new one only when Telegram can no longer edit it): each step once (the step told and the message are
 * stored, so a restart does not repeat it), the highest step reached only when a download jumps several, and through
 * the bot's client, so every send and edit waits for the shared Telegram limiter.
 * The end is not told here: "Download finished" / "Ready to watch" are.
 */
@Singleton
public class BotProgress {
    private static final Logger LOG = Logger.getLogger(BotProgress.class);
    private static final Duration EVERY = Duration.ofSeconds(15);
    /** Downloads looked at per round: a chat that starts hundreds must not make one round unbounded. */
    private static final int AT_MOST = 50;

    private final TelegramBot bot;
    private final BotStore store;
    private final DownloadService downloads;
    private volatile boolean running;
    private volatile @org.jspecify.annotations.Nullable Thread loop;

    public BotProgress(TelegramBot bot, BotStore store, DownloadService downloads) {
        this.bot = bot;
        this.store = store;
        this.downloads = downloads;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (!bot.status().enabled()) return;
        running = true;
        loop = Thread.ofVirtual().name("telegram-bot-progress").start(() -> {
            while (running) {
                try {
                    Thread.sleep(EVERY);
                    check();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warnf("telegram bot: progress round failed: %s", e.getMessage());
                }
            }
        });
    }

    void onStop(@Observes ShutdownEvent ignored) {
        running = false;
        Thread t = loop;
        if (t != null) t.interrupt();
    }

    /** One round: each open download that reached a new step is told once. Safe to call at any time. */
    public synchronized void check() {
        Optional<TelegramApi> api = bot.api();
        if (api.isEmpty()) return;
        for (BotStore.Open open : store.open(AT_MOST)) {
            String taskId = open.key().startsWith(MediaReadyRelay.READY_PREFIX)
                    ? open.key().substring(MediaReadyRelay.READY_PREFIX.length())
                    : open.key();
            Task task;
            try {
                task = downloads.get(taskId);
            } catch (ApiException gone) {
                continue; // removed meanwhile: nothing to tell
            }
            // While a client checks the files on disk its progress is the check's, not the download's.
            if (task.status().isFinished()
                    || task.status() == TaskStatus.CHECKING
                    || task.status() == TaskStatus.METADATA
                    || task.progress() >= 100) continue;
            int step = (int) Math.floor(task.progress() / 25) * 25; // progress is in percent
            if (step < 25 || step > 75 || step <= store.progressTold(open.key())) continue;
            String text = "⏳ " + task.name() + ": " + step + " % downloaded" + eta(task);
            long shown = store.progressMessage(open.key());
            if (shown == 0 || !edited(api.get(), open.chatId(), shown, text)) {
                long sent = api.get().sendMessage(open.chatId(), text, null);
                if (sent > 0) store.progressMessage(open.key(), sent);
            }
            store.progressTold(open.key(), step);
        }
    }

    /** False when Telegram cannot edit it any more (deleted, or too old): the step is then sent as a new message. */
    private static boolean edited(TelegramApi api, String chatId, long messageId, String text) {
        try {
            api.editMessageText(chatId, messageId, text);
            return true;
        } catch (TelegramException e) {
            if (e.status() != 400) throw e;
            LOG.debugf(
                    "telegram bot: progress message %d not editable (%s); sending a new one",
                    messageId, e.getMessage());
            return false;
        }
    }

    private static String eta(Task task) {
        if (task.eta() <= 0 || task.downloadSpeed() <= 0) return ".";
        long minutes = Math.max(1, task.eta() / 60);
        return ", about " + minutes + " min to go.";
    }
}
