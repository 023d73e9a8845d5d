package dev.hearth.notify.routes;

import dev.hearth.downloads.DownloadCompleted;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;

/** "Download finished" to the channels that take source {@code downloads}. */
@Singleton
public class DownloadCompletedRoute implements EventListener<DownloadCompleted> {
    private final NotificationService notifications;

    public DownloadCompletedRoute(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Class<DownloadCompleted> type() {
        return DownloadCompleted.class;
    }

    @Override
    public void on(DownloadCompleted e) {
        String where = e.category().isBlank() ? e.savePath() : e.category() + " (" + e.savePath() + ")";
        notifications.notify(new Notification(
                Level.INFO,
                "Download finished",
                e.name() + " — " + Sizes.human(e.size()) + ", in " + where,
                "downloads",
                "download:" + e.taskId() + ":completed",
                e.completedAt()));
    }
}
