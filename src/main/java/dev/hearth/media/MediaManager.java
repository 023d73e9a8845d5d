package dev.hearth.media;

import java.time.LocalDate;
import java.util.List;

/**
 * An *arr manager (Sonarr for series, Radarr for movies, Lidarr for music, Readarr for books): finds titles, adds them, grabs releases and
 * imports them into the library. Every call answers within the service's timeout or throws
 * {@code UpstreamException}; an unknown title throws {@link MediaNotFoundException}.
 */
public interface MediaManager {
    String serviceName();

    /** sonarr, radarr, lidarr or readarr. */
    String kind();

    ManagedKind manages();

    ManagerStatus status();

    List<ManagedTitle> titles();

    /** Titles matching {@code term}, whether the manager has them or not. */
    List<TitleCandidate> lookup(String term);

    List<QualityProfile> qualityProfiles();

    List<RootFolder> rootFolders();

    /** Adds a title found by {@link #lookup}; with {@code searchNow} the manager searches for it at once. */
    ManagedTitle add(AddTitle request);

    /** The download queue, at most {@code limit} entries. */
    List<QueueEntry> queue(int limit);

    /** What is due between the two days (inclusive), in UTC. */
    List<CalendarEntry> calendar(LocalDate from, LocalDate to);

    /** Newest first, at most {@code limit}. */
    List<HistoryEntry> history(int limit);

    CommandStatus command(ManagerCommand command);
}
