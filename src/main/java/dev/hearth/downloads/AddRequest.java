package dev.hearth.downloads;

import org.jspecify.annotations.Nullable;

/** What to download, and where: a category (which maps to a save path) and/or an explicit destination. */
public record AddRequest(
        Source source, @Nullable String category, @Nullable String savePath) {

    public sealed interface Source {
        /** A magnet link, or an http(s)/ftp URL (a .torrent for torrent clients, a file for aria2). */
        record Url(String url) implements Source {}

        record TorrentFile(String filename, byte[] data) implements Source {}
    }
}
