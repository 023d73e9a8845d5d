package dev.hearth.media;

import java.util.List;

/** One indexer behind the search service; {@code enabled} false when switched off or failing and disabled. */
public record Indexer(String id, String name, Release.Protocol protocol, boolean enabled, List<Integer> categories) {
    public Indexer {
        categories = List.copyOf(categories);
    }
}
