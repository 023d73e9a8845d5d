package dev.hearth.media.torznab;

import dev.hearth.media.Release;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An RSS {@code <item>} with its {@code torznab:attr} elements into a {@link Release}. */
final class TorznabShapes {

    private TorznabShapes() {}

    static Release release(TorznabXml.Node item, String endpointName) {
        Map<String, String> attrs = new HashMap<>();
        List<Integer> categories = new ArrayList<>();
        for (TorznabXml.Node a : TorznabXml.children(item, "attr")) {
            if (!TorznabXml.TORZNAB_NS.equals(a.namespace())) continue;
            String name = a.attribute("name");
            if (name.equals("category")) categories.add(TorznabXml.parseInt(a.attribute("value")));
            else attrs.putIfAbsent(name, a.attribute("value"));
        }
        List<TorznabXml.Node> enclosures = TorznabXml.children(item, "enclosure");
        String enclosureUrl = enclosures.isEmpty() ? "" : enclosures.getFirst().attribute("url");
        long size = TorznabXml.parseLong(TorznabXml.childText(item, "size"));
        if (size == 0) size = TorznabXml.parseLong(attrs.getOrDefault("size", ""));
        if (size == 0 && !enclosures.isEmpty())
            size = TorznabXml.parseLong(enclosures.getFirst().attribute("length"));
        int seeders = TorznabXml.parseInt(attrs.getOrDefault("seeders", ""));
        int peers = TorznabXml.parseInt(attrs.getOrDefault("peers", ""));
        String magnet = attrs.getOrDefault("magneturl", "");
        String link = !magnet.isEmpty()
                ? magnet
                : !enclosureUrl.isEmpty() ? enclosureUrl : TorznabXml.childText(item, "link");
        String comments = TorznabXml.childText(item, "comments");
        return new Release(
                TorznabXml.childText(item, "title"),
                indexer(item, endpointName),
                size,
                seeders,
                Math.max(0, peers - seeders),
                link,
                comments.isEmpty() ? null : comments,
                categories,
                published(TorznabXml.childText(item, "pubDate")),
                Release.Protocol.TORRENT);
    }

    /** Jackett and Prowlarr name the indexer of each item in an element of their own. */
    private static String indexer(TorznabXml.Node item, String fallback) {
        for (String tag : List.of("jackettindexer", "prowlarrindexer")) {
            String name = TorznabXml.childText(item, tag);
            if (!name.isEmpty()) return name;
        }
        return fallback;
    }

    private static @Nullable Instant published(String rfc1123) {
        if (rfc1123.isEmpty()) return null;
        try {
            return ZonedDateTime.parse(rfc1123, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
