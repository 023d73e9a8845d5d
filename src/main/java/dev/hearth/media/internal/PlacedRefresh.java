package dev.hearth.media.internal;

import dev.hearth.downloads.DownloadPlaced;
import dev.hearth.platform.events.EventListener;
import jakarta.inject.Singleton;

/** A download put into its library by the library mover: its library is refreshed now that the files are there. */
@Singleton
public class PlacedRefresh implements EventListener<DownloadPlaced> {
    private final LibraryRefresh refresh;

    public PlacedRefresh(LibraryRefresh refresh) {
        this.refresh = refresh;
    }

    @Override
    public Class<DownloadPlaced> type() {
        return DownloadPlaced.class;
    }

    @Override
    public void on(DownloadPlaced e) {
        refresh.finished(e.taskId(), e.name(), e.category(), e.libraryPath());
    }
}
