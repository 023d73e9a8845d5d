package dev.hearth.media;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * One Tautulli's figures, asked now, for the REST door and the catalog's read actions alike: what plays and what it
 * costs, who watched what, the libraries' sizes, the people.
 */
@Singleton
public class WatchStats {
    private final MediaReads reads;

    public WatchStats(MediaReads reads) {
        this.reads = reads;
    }

    public record ActivityNow(String service, Activity activity) {}

    public record History(String service, List<PlayRecord> plays, long total, boolean hasMore, int limit, int offset)
            implements dev.hearth.platform.web.Paged {}

    public record Libraries(String service, List<LibraryStats> libraries) {}

    public record Users(String service, List<MediaUser> users) {}

    public ActivityNow activity(String service) {
        MediaStats s = stats(service);
        return new ActivityNow(service, MediaCalls.call(service, s::activity));
    }

    public History history(String service, int limit, int offset) {
        MediaStats s = stats(service);
        MediaStats.PlayPage page = MediaCalls.call(service, () -> s.history(limit, offset));
        return new History(
                service, page.plays(), page.total(), offset + page.plays().size() < page.total(), limit, offset);
    }

    public Libraries libraries(String service) {
        MediaStats s = stats(service);
        return new Libraries(service, MediaCalls.call(service, s::libraries));
    }

    public Users users(String service) {
        MediaStats s = stats(service);
        return new Users(service, MediaCalls.call(service, s::users));
    }

    private MediaStats stats(String service) {
        return reads.one(MediaStats.class, service, MediaStats::serviceName, "watch statistics service");
    }
}
