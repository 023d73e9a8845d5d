package dev.hearth.downloads;

import org.jspecify.annotations.Nullable;

/**
 * A request to download, as the doors hand it over: a URL (magnet, http, https) or an uploaded .torrent,
 * optionally the client, category and destination directory, and the task's speed caps and auto-delete rule
 * ({@link TaskLimits.Change#NONE}: none), which are checked against the chosen client before it is asked.
 */
public record AddCommand(
        @Nullable String url,
        @Nullable Upload torrent,
        @Nullable String client,
        @Nullable String category,
        @Nullable String destination,
        TaskLimits.Change limits) {

    public AddCommand(
            @Nullable String url,
            @Nullable Upload torrent,
            @Nullable String client,
            @Nullable String category,
            @Nullable String destination) {
        this(url, torrent, client, category, destination, TaskLimits.Change.NONE);
    }

    public record Upload(String filename, byte[] data) {}
}
