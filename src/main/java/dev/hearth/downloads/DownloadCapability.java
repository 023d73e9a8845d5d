package dev.hearth.downloads;

import dev.hearth.platform.integration.Capability;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A kind that is a download client ({@link DownloadClient}), and what the downloads feature decides by
 * before it asks one: which client takes a plain link, whether a category is kept, whether a torrent's
 * task id is its info-hash (so a second add of the same torrent is caught before it is sent).
 */
public record DownloadCapability(Set<Feature> features) implements Capability {

    public enum Feature {
        /** Takes magnets and .torrent files. */
        TORRENTS,
        /** Fetches plain http(s) links itself. */
        LINKS,
        /** Keeps the category a download was added with. */
        CATEGORIES,
        /** Deletes a task's data when asked to. */
        REMOVES_DATA,
        /** Reports a task's peers. */
        PEERS,
        /** A torrent's task id is its info-hash in lower-case hex. */
        HASH_IDS
    }

    public DownloadCapability {
        features = Set.copyOf(features);
    }

    public static DownloadCapability of(Feature first, Feature... rest) {
        return new DownloadCapability(EnumSet.of(first, rest));
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    @Override
    public Class<?> api() {
        return DownloadClient.class;
    }

    @Override
    public List<String> traits() {
        return features.stream()
                .sorted()
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .toList();
    }
}
