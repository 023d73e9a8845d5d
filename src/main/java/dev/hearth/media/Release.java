package dev.hearth.media;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search result. {@code link} is what a download client is given: a magnet, or a .torrent URL
 * that often carries the indexer's API key in its query, so it is for the download client only and
 * {@link #toString()} hides its query.
 */
public record Release(
        String title,
        String indexer,
        long size,
        int seeders,
        int leechers,
        String link,
        @Nullable String infoUrl,
        List<Integer> categories,
        @Nullable Instant published,
        Protocol protocol) {

    public enum Protocol {
        TORRENT,
        USENET
    }

    public Release {
        categories = List.copyOf(categories);
    }

    @Override
    public String toString() {
        int query = link.indexOf('?');
        String shown = link.startsWith("magnet:") ? "magnet:…" : query < 0 ? link : link.substring(0, query) + "?…";
        return "Release[" + title + " from " + indexer + ", " + size + " bytes, " + seeders + " seeders, " + shown
                + "]";
    }
}
