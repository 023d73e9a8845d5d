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

    /** Newest first, at most {@code limit} after skipping {@code offset}, with how many plays there are in all. */
    PlayPage history(int limit, int offset);

    /** A page of the play history: its plays and the count of all of them. */
    record PlayPage(List<PlayRecord> plays, long total) {}

    List<LibraryStats> libraries();

    List<MediaUser> users();
}
