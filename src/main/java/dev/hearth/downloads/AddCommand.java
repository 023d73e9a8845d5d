package dev.hearth.downloads;

import org.jspecify.annotations.Nullable;

/**
 * A request to download, as the doors hand it over: a URL (magnet, http, https) or an uploaded .torrent,
 * and optionally the client, category and destination directory.
 */
public record AddCommand(
        @Nullable String url,
        @Nullable Upload torrent,
        @Nullable String client,
        @Nullable String category,
        @Nullable String destination) {

    public record Upload(String filename, byte[] data) {}
}
