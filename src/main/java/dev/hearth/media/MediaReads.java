package dev.hearth.media;

import dev.hearth.media.internal.RecentImports;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The reads every media door shares (REST, the dashboard): one service's libraries, search results, requests,
 * or the overview of all of them. The overview asks every service at once on virtual threads, so it takes as
 * long as the slowest answer (each bounded by its service's timeout), and a service that fails only loses its
 * own part.
 */
@Singleton
public class MediaReads {
    private static final int RECENT = 12;
    private static final int QUEUE = 20;
    private static final int REQUESTS = 20;

    private final MediaServices services;
    private final RecentImports imports;
    private final Clock clock;

    public MediaReads(MediaServices services, RecentImports imports, Clock clock) {
        this.services = services;
        this.imports = imports;
        this.clock = clock;
    }

    public MediaOverview overview() {
        List<Part<?>> parts = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (MediaServer s : services.offering(MediaServer.class)) {
            parts.add(new Part<>(s.serviceName(), Slot.PLAYING, s::sessions));
            parts.add(new Part<>(s.serviceName(), Slot.RECENT, () -> s.recentlyAdded(RECENT)));
        }
        for (RequestManager r : services.offering(RequestManager.class)) {
            parts.add(new Part<>(
                    r.serviceName(),
                    Slot.REQUESTS,
                    () -> r.requests(RequestFilter.PENDING, REQUESTS, 0).requests()));
        }
        for (MediaManager m : services.offering(MediaManager.class)) {
            parts.add(new Part<>(m.serviceName(), Slot.QUEUE, () -> m.queue(QUEUE)));
            parts.add(new Part<>(m.serviceName(), Slot.CALENDAR, () -> m.calendar(today, today.plusDays(7))));
        }
        List<MediaOverview.Served<Stream>> playing = new ArrayList<>();
        List<MediaOverview.Served<RecentItem>> recent = new ArrayList<>();
        List<MediaOverview.Served<MediaRequest>> requests = new ArrayList<>();
        List<MediaOverview.Served<QueueEntry>> queue = new ArrayList<>();
        List<MediaOverview.Served<CalendarEntry>> calendar = new ArrayList<>();
        List<MediaOverview.Problem> problems = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<?>>> futures = new ArrayList<>();
            for (Part<?> p : parts) futures.add(pool.submit((Callable<List<?>>) p.read()::call));
            for (int i = 0; i < parts.size(); i++) {
                Part<?> p = parts.get(i);
                try {
                    for (Object item : futures.get(i).get()) {
                        switch (p.slot()) {
                            case PLAYING -> playing.add(new MediaOverview.Served<>(p.service(), (Stream) item));
                            case RECENT -> recent.add(new MediaOverview.Served<>(p.service(), (RecentItem) item));
                            case REQUESTS -> requests.add(new MediaOverview.Served<>(p.service(), (MediaRequest) item));
                            case QUEUE -> queue.add(new MediaOverview.Served<>(p.service(), (QueueEntry) item));
                            case CALENDAR ->
                                calendar.add(new MediaOverview.Served<>(p.service(), (CalendarEntry) item));
                        }
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    String message = String.valueOf(cause.getMessage());
                    if (problems.stream().noneMatch(x -> x.service().equals(p.service())))
                        problems.add(new MediaOverview.Problem(p.service(), message));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted", Map.of());
                }
            }
        }
        recent.sort(Comparator.comparing(
                        (MediaOverview.Served<RecentItem> s) -> s.item().addedAt())
                .reversed());
        calendar.sort(Comparator.comparing(s -> s.item().when()));
        return new MediaOverview(playing, recent, requests, queue, calendar, imports.newest(RECENT), problems);
    }

    private enum Slot {
        PLAYING,
        RECENT,
        REQUESTS,
        QUEUE,
        CALENDAR
    }

    private record Part<T>(String service, Slot slot, Callable<List<T>> read) {}

    /** One media server's libraries. */
    public record Libraries(String server, List<Library> libraries) {}

    public Libraries libraries(String server) {
        MediaServer s = one(MediaServer.class, server, MediaServer::serviceName, "media server");
        return new Libraries(server, MediaCalls.call(server, s::libraries));
    }

    /** What the indexers found for a title, best-seeded first. */
    public record Found(String title, List<Release> releases, List<String> failed) {}

    public Found search(String title, ManagedKind kind) {
        if (title.isBlank()) throw ApiException.invalid("title", "must not be blank");
        List<IndexerSearch> indexers = services.offering(IndexerSearch.class);
        if (indexers.isEmpty())
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "No indexer is configured", Map.of());
        ReleaseCategory category = kind.category();
        List<Release> all = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (IndexerSearch i : indexers) {
            try {
                all.addAll(i.search(new ReleaseQuery(title.strip(), category, 50)));
            } catch (UpstreamException | MediaNotFoundException e) {
                failed.add(i.serviceName());
            }
        }
        all.sort(Comparator.comparingInt(Release::seeders).reversed());
        // The links carry indexers' API keys: a reader sees where a release is, not how to fetch it.
        List<Release> shown = all.stream()
                .map(r -> new Release(
                        r.title(),
                        r.indexer(),
                        r.size(),
                        r.seeders(),
                        r.leechers(),
                        "",
                        r.infoUrl(),
                        r.categories(),
                        r.published(),
                        r.protocol()))
                .toList();
        return new Found(title.strip(), shown, failed);
    }

    /** One media server's sessions, asked now. */
    public record Sessions(String server, List<Stream> streams) {}

    public Sessions sessions(String server) {
        MediaServer s = one(MediaServer.class, server, MediaServer::serviceName, "media server");
        return new Sessions(server, MediaCalls.call(server, s::sessions));
    }

    /** One *arr app's system status. */
    public ManagerStatus managerStatus(String manager) {
        MediaManager m = one(MediaManager.class, manager, MediaManager::serviceName, "media manager");
        return MediaCalls.call(manager, m::status);
    }

    /** One *arr app's download queue, at most {@code limit} entries. */
    public record Queue(String manager, List<QueueEntry> entries) {}

    public Queue queue(String manager, int limit) {
        MediaManager m = one(MediaManager.class, manager, MediaManager::serviceName, "media manager");
        return new Queue(manager, MediaCalls.call(manager, () -> m.queue(limit)));
    }

    /** What one *arr app has due between two days (inclusive, UTC). */
    public record Calendar(String manager, LocalDate from, LocalDate to, List<CalendarEntry> entries) {}

    public Calendar calendar(
            String manager,
            @org.jspecify.annotations.Nullable LocalDate from,
            @org.jspecify.annotations.Nullable LocalDate to) {
        MediaManager m = one(MediaManager.class, manager, MediaManager::serviceName, "media manager");
        LocalDate start = from != null ? from : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate end = to != null ? to : start.plusDays(7);
        if (end.isBefore(start)) throw ApiException.invalid("end", "must not be before start");
        if (end.isAfter(start.plusDays(366))) throw ApiException.invalid("end", "at most a year after start");
        return new Calendar(manager, start, end, MediaCalls.call(manager, () -> m.calendar(start, end)));
    }

    /** One request manager's requests. */
    public record Requests(String service, List<MediaRequest> requests, int total) {}

    public Requests requests(String service, RequestFilter filter, int limit, int offset) {
        RequestManager r = one(RequestManager.class, service, RequestManager::serviceName, "request manager");
        RequestPage page = MediaCalls.call(service, () -> r.requests(filter, limit, offset));
        return new Requests(service, page.requests(), page.total());
    }

    public <C> C one(Class<C> capability, String name, Function<C, String> nameOf, String what) {
        List<C> all = services.offering(capability);
        return all.stream()
                .filter(c -> nameOf.apply(c).equals(name))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND,
                        "No " + what + " '" + name + "'",
                        Map.of("known", all.stream().map(nameOf).toList())));
    }
}
