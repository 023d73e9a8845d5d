package dev.hearth.media;

import java.util.List;

/**
 * What the dashboard's Media page shows at once: who is watching what, what arrived, the requests waiting for a
 * yes or no, the *arr queues and what is due this week; {@code problems} names each service that did not answer
 * (its part is then missing, the rest is still shown). {@code recentlyImported} is what Sonarr and Radarr said they
 * imported, by webhook (Hearth's own record: it costs no call).
 */
public record MediaOverview(
        List<Served<Stream>> nowPlaying,
        List<Served<RecentItem>> recentlyAdded,
        List<Served<MediaRequest>> requests,
        List<Served<QueueEntry>> queue,
        List<Served<CalendarEntry>> calendar,
        List<ImportedTitle> recentlyImported,
        List<Problem> problems) {

    /** One item and the service (its name in hearth.yml) it came from. */
    public record Served<T>(String service, T item) {}

    public record Problem(String service, String message) {}
}
