package dev.hearth.media;

import java.util.List;

/**
 * Watch statistics (Tautulli): what plays now, what played, library sizes and the people. Every call
 * answers within the service's timeout or throws {@code UpstreamException}.
 */
public interface MediaStats {
    String serviceName();

    /** tautulli. */
    String kind();

    Activity activity();

    /** Newest first, at most {@code limit}. */
    List<PlayRecord> history(int limit);

    List<LibraryStats> libraries();

    List<MediaUser> users();
}
