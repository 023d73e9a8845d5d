package dev.hearth.media;

import java.util.List;

/**
 * Searches indexers for releases by title (Prowlarr, or one Torznab endpoint such as Jackett or a
 * Prowlarr indexer's own feed). Every call answers within the service's timeout or throws
 * {@code UpstreamException}; an unknown indexer id throws {@link MediaNotFoundException}.
 */
public interface IndexerSearch {
    String serviceName();

    /** prowlarr or torznab. */
    String kind();

    List<Indexer> indexers();

    /** What the service reports as wrong right now; empty when all is well or the service does not say. */
    List<IndexerIssue> issues();

    IndexerTest test(String indexerId);

    /** Results across the indexers, most seeders first. */
    List<Release> search(ReleaseQuery query);
}
