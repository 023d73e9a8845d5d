package dev.hearth.media;

import dev.hearth.actions.ActionReadiness;
import jakarta.inject.Singleton;

/** {@code media.download} can find a title only with an *arr manager or an indexer configured. */
@Singleton
public class MediaReadiness implements ActionReadiness {
    private final MediaDownloads downloads;

    public MediaReadiness(MediaDownloads downloads) {
        this.downloads = downloads;
    }

    @Override
    public boolean ready(String actionId) {
        return !actionId.equals(MediaActions.DOWNLOAD) || downloads.canDownload();
    }
}
