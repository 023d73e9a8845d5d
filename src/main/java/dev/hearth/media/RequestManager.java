package dev.hearth.media;

import java.util.List;

/**
 * Where people ask for movies and series (Overseerr, Seerr, Jellyseerr). Every call answers within the
 * service's timeout or throws {@code UpstreamException}; an unknown request id throws
 * {@link MediaNotFoundException}.
 */
public interface RequestManager {
    String serviceName();

    /** overseerr (also Seerr and Jellyseerr, which serve the same API). */
    String kind();

    RequestPage requests(RequestFilter filter, int limit, int offset);

    MediaRequest request(int id);

    /** Movies and series matching {@code title}, to find the TMDB id a request takes. */
    List<RequestCandidate> search(String title);

    MediaRequest create(NewRequest request);

    MediaRequest approve(int id);

    MediaRequest decline(int id);
}
