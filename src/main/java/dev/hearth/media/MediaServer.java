package dev.hearth.media;

import java.util.List;

/**
 * A media server that plays what is in its libraries (Plex, Jellyfin, Emby). Every call answers within
 * the service's timeout (a whole-library refresh has its own, longer one) or throws
 * {@code UpstreamException}; an unknown library or a path outside every library throws
 * {@link MediaNotFoundException}.
 */
public interface MediaServer {
    String serviceName();

    /** plex, jellyfin or emby. */
    String kind();

    List<Library> libraries();

    /** Scans one whole library for new and changed files; the server queues the scan and answers at once. */
    void refreshLibrary(String libraryId);

    /**
     * Scans every library. Jellyfin answers only when the whole scan is done, so this call has its own,
     * long timeout; it is for an explicit request, never for a page.
     */
    void refreshAll();

    /** Scans only {@code path} (a folder or file inside a library), the cheap refresh after a download. */
    void refreshPath(String path);

    List<Stream> sessions();

    /** Newest first, at most {@code limit}. */
    List<RecentItem> recentlyAdded(int limit);
}
