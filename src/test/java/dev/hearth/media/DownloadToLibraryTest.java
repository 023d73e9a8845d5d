package dev.hearth.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hearth.downloads.DownloadCapability;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadCompleted;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.WebhookCompletion;
import dev.hearth.downloads.internal.ClientDirectory;
import dev.hearth.downloads.internal.Completions;
import dev.hearth.downloads.internal.DownloadReadings;
import dev.hearth.downloads.internal.TaskStore;
import dev.hearth.downloads.internal.WebhookSecret;
import dev.hearth.fakes.media.FakeArr;
import dev.hearth.fakes.media.FakePlex;
import dev.hearth.fakes.media.FakeTorznab;
import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.fakes.media.RadarrDownloads;
import dev.hearth.media.internal.LibraryRefresh;
import dev.hearth.media.internal.MediaLedger;
import dev.hearth.media.internal.PlacedRefresh;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.events.EventListener;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.platform.security.Tokens;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.Await;
import dev.hearth.testing.FileServer;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.Targets;
import dev.hearth.testing.TestConfig;
import dev.hearth.testing.TorrentFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path of issue 12: a title → the indexer double's best release (or the Radarr double) → the REAL
 * qBittorrent → completion → the library refreshed on the Plex double → "ready to watch", exactly once, also
 * with a Hearth restart between the add and the completion. A restart is Hearth's features built again on the
 * same data dir (as {@code CompletionRestartTest} does); qBittorrent, the indexer and Plex keep running. Through
 * Radarr, the Radarr double behaves as Radarr does after "search now" ({@link RadarrDownloads}): its release goes to
 * the real qBittorrent under the category {@code radarr}, and once qBittorrent has it complete Radarr refreshes the
 * movie's folder on the Plex double and posts its Download webhook to Hearth's media webhook door (here a loopback
 * server that checks the per-source secret and hands the body to the running Hearth's {@link MediaInbox}, as
 * MediaWebhookResource does, minus the action catalog's audit).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadToLibraryTest {
    private static final JsonMapper JSON =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final Duration DONE_WITHIN = Duration.ofSeconds(120);
    private static final String ARR_SECRET = "arr-webhook-secret-0123456789";

    Path dir;
    QbittorrentDaemon qb;
    FakeTorznab torznab;
    FakePlex plex;
    HttpStack stack;
    DownloadClient qbClient;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        if (java.util.Collections.list(java.sql.DriverManager.getDrivers()).stream()
                .noneMatch(d -> d instanceof org.sqlite.JDBC)) {
            java.sql.DriverManager.registerDriver(new org.sqlite.JDBC());
        }
        dir = tmp;
        qb = new QbittorrentDaemon(dir.resolve("qbt"));
        torznab = new FakeTorznab(FakeTorznab.Refusal.HTTP_401);
        plex = new FakePlex();
        stack = Targets.stack();
        qbClient = (DownloadClient) Targets.create(
                stack,
                "qbittorrent",
                "qbittorrent",
                qb.url(),
                Map.of("username", QbittorrentDaemon.USER, "password", QbittorrentDaemon.PASSWORD));
    }

    /** Each test starts with an empty qBittorrent: a finished task of another test would refresh Movies too. */
    @org.junit.jupiter.api.BeforeEach
    void clean() {
        for (var task : qbClient.list()) qbClient.remove(task.id(), false);
        Await.untilTrue(
                Duration.ofSeconds(30),
                "qBittorrent empty",
                () -> qbClient.list().isEmpty());
        plex.received.clear();
    }

    @AfterAll
    void stop() {
        stack.close();
        qb.close();
        torznab.close();
        plex.close();
    }

    static final class Recorder implements EventListener<DownloadCompleted> {
        final List<DownloadCompleted> seen = new CopyOnWriteArrayList<>();

        @Override
        public Class<DownloadCompleted> type() {
            return DownloadCompleted.class;
        }

        @Override
        public void on(DownloadCompleted event) {
            seen.add(event);
        }
    }

    /** One Hearth "process" on the data dir {@code data}, with these media services bound. */
    record Hearth(
            Database db,
            EventBus bus,
            DownloadService downloads,
            Runnable poller,
            MediaDownloads media,
            Recorder events,
            MediaInbox inbox)
            implements AutoCloseable {
        @Override
        public void close() {
            bus.stop();
        }
    }

    private Hearth hearth(Path data, List<Integration> media) {
        return hearth(data, media, null);
    }

    /** With {@code library} set, the category's finished downloads are linked there by the library mover first. */
    private Hearth hearth(Path data, List<Integration> media, @org.jspecify.annotations.Nullable Path library) {
        return hearth(data, media, library, false);
    }

    /** With {@code routeSavePath}, everything under qBittorrent's save path also maps to Movies (a path route). */
    private Hearth hearth(
            Path data,
            List<Integration> media,
            @org.jspecify.annotations.Nullable Path library,
            boolean routeSavePath) {
        Map<String, String> props = new HashMap<>();
        props.put(
                "hearth.downloads.categories",
                "{\"movies\": {\"save_path\": \"" + qb.downloads() + "\""
                        + (library == null ? "" : ", \"library_path\": \"" + library + "\"") + "}}");
        props.put("hearth.downloads.completion.mode", library == null ? "none" : "link");
        props.put("hearth.media.download.max_size_mb", "1");
        // With routeSavePath a second route maps everything under qBittorrent's save path to Movies too, so a Radarr
        // download there would be refreshed by Hearth as well, were its category not left to Radarr
        // (media.arr_categories).
        props.put(
                "hearth.media.libraries",
                "[{\"category\": \"movies\", \"server\": \"plex\", \"library\": \"" + MediaScenario.MOVIES.name()
                        + "\"}"
                        + (routeSavePath
                                ? ", {\"path\": \"" + qb.downloads() + "\", \"server\": \"plex\", \"library\": \""
                                        + MediaScenario.MOVIES.name() + "\"}"
                                : "")
                        + "]");
        props.put("hearth.media.arr_categories", "[\"radarr\"]");
        props.put("hearth.media.webhooks.arr", ARR_SECRET);
        ConfigService config = TestConfig.with(data, props);
        Database db = new Database(config);
        Clock clock = Clock.systemUTC();
        MediaServices services = new MediaServices() {
            @Override
            public <C> List<C> offering(Class<C> capability) {
                return media.stream()
                        .filter(capability::isInstance)
                        .map(capability::cast)
                        .toList();
            }
        };
        NotificationService notifications = new NotificationService(
                db,
                config,
                Targets.context(stack, config::current),
                clock,
                new dev.hearth.notify.internal.SharedLimiters());
        MediaLedger ledger = new MediaLedger(db, clock);
        LibraryRefresh refresh = new LibraryRefresh(services, ledger, notifications, config, db, clock);
        Recorder events = new Recorder();
        List<EventListener<?>> listeners = new ArrayList<>(List.of(
                events,
                refresh,
                new PlacedRefresh(refresh),
                new dev.hearth.media.internal.WebhookNotices(notifications, clock)));
        EventBus bus = new EventBus(db, JSON, clock, listeners);
        TaskStore store = new TaskStore(db);
        listeners.add(new dev.hearth.downloads.internal.LibraryMover(config, store, bus, clock));
        DownloadCapability torrents = IntegrationKinds.load()
                .find("qbittorrent")
                .orElseThrow()
                .capability(DownloadCapability.class)
                .orElseThrow();
        ClientDirectory clients = new ClientDirectory(
                () -> List.of(new ClientDirectory.Client(qbClient, torrents)),
                name -> qbClient.poll().health());
        Completions completions = new Completions(db, store, bus, clock);
        DownloadReadings readings = new DownloadReadings(
                clients, store, completions, db, config, clock, dev.hearth.testing.TestLive.hub(JSON, 100));
        Runnable poller = () -> readings.record(qbClient.serviceName(), qbClient.poll());
        DownloadService downloads = new DownloadService(
                clients, store, completions, poller::run, new WebhookSecret(config, new Tokens()), config, clock);
        bus.start();
        return new Hearth(
                db,
                bus,
                downloads,
                poller,
                new MediaDownloads(services, downloads, ledger, config),
                events,
                new MediaInbox(JSON, bus, config, clock));
    }

    private Integration indexer() {
        return Targets.create(
                stack, "torznab", "jackett", java.net.URI.create(torznab.baseUrl()), torznab.credentials());
    }

    private Integration plexServer() {
        return Targets.create(stack, "plex", "plex", java.net.URI.create(plex.baseUrl()), plex.credentials());
    }

    /** A movie release whose data is already in qBittorrent's save path, offered by the indexer as a .torrent link. */
    private record Offered(TorrentFixture fixture, FileServer files) implements AutoCloseable {
        @Override
        public void close() {
            files.close();
        }
    }

    private Offered offer(String title, int year) {
        String name = title.replace(' ', '.') + "." + year + ".1080p.BluRay.x264-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        TorrentFixture fixture = TorrentFixture.create(qb.downloads(), dir.resolve("torrents"), name, 64 * 1024 + 17);
        FileServer files = new FileServer(name + ".torrent", fixture.torrentBytes());
        torznab.offer(new FakeTorznab.Offered(
                name, fixture.size(), 30, 2040, files.url(name + ".torrent").toString()));
        return new Offered(fixture, files);
    }

    private long refreshesOfMovies() {
        return plex.received.stream()
                .filter(r -> r.equals("refresh library:" + MediaScenario.MOVIES.name()))
                .count();
    }

    private static long readyNotifications(Database db, String taskId) {
        return db.count(
                "SELECT COUNT(*) FROM notifications WHERE dedup_key = ? AND repeats = 0", "media:ready:" + taskId);
    }

    private static String readyTitle(Database db, String taskId) {
        return db.queryOne(
                        "SELECT title FROM notifications WHERE dedup_key = ?",
                        rs -> rs.getString(1),
                        "media:ready:" + taskId)
                .orElse("");
    }

    @Test
    void aTitleFoundByTheIndexerIsDownloadedRefreshedAndAnnouncedOnce() {
        try (Offered offered = offer("Arrival", 2016);
                Hearth hearth = hearth(dir.resolve("data-once"), List.of(indexer(), plexServer()))) {
            DownloadAnswer answer = hearth.media()
                    .download(new MediaDownloads.Request("Arrival", null, ManagedKind.MOVIES), "key:alice");

            assertEquals(DownloadAnswer.Outcome.DOWNLOADING, answer.outcome(), answer.reason());
            assertEquals(offered.fixture().name(), answer.release(), "the one release within the size rule");
            assertTrue(answer.reason().contains("30 seeders"), answer.reason());
            assertEquals(2016, answer.year());
            String taskId = answer.taskId();
            assertNotNull(taskId);

            Await.untilTrue(DONE_WITHIN, "qBittorrent finishes the download and Hearth refreshes Plex", () -> {
                hearth.poller().run();
                return refreshesOfMovies() == 1;
            });
            Await.untilTrue(
                    Duration.ofSeconds(10),
                    "the ready notification",
                    () -> readyNotifications(hearth.db(), taskId) == 1);
            assertEquals("Ready to watch: Arrival (2016)", readyTitle(hearth.db(), taskId));

            // More polls and the client's completion hook see it finished again: nothing more happens.
            hearth.poller().run();
            String hash = taskId.substring(taskId.indexOf(':') + 1);
            assertFalse(hearth.downloads()
                    .complete(new WebhookCompletion(hash, null, null, null, null, null, null))
                    .recorded());
            Await.untilTrue(
                    Duration.ofSeconds(10),
                    "nothing pending",
                    () -> hearth.bus().pending() == 0);
            assertEquals(1, refreshesOfMovies(), "Plex was asked to refresh Movies once");
            assertEquals(1, readyNotifications(hearth.db(), taskId));
            assertEquals(1, hearth.events().seen.size());
        }
    }

    /** The Media page's list: a person picks one release (not the rules' best), and that one is downloaded. */
    @Test
    void aReleasePickedFromTheListIsTheOneDownloadedAndAnnounced() {
        try (Offered offered = offer("Sicario", 2015);
                Offered other = offer("Sicario", 2015);
                Hearth hearth = hearth(dir.resolve("data-picked"), List.of(indexer(), plexServer()))) {
            Integration jackett = indexer();
            Release listed = ((IndexerSearch) jackett)
                    .search(new ReleaseQuery("Sicario 2015", ReleaseCategory.MOVIES, 50)).stream()
                            .filter(r -> r.title().equals(other.fixture().name()))
                            .findFirst()
                            .orElseThrow();
            MediaDownloads.Request searched = new MediaDownloads.Request("Sicario", 2015, ManagedKind.MOVIES);

            dev.hearth.platform.web.ApiException gone = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.hearth.platform.web.ApiException.class,
                    () -> hearth.media()
                            .downloadRelease(searched, "Sicario.2015.Not.Offered", listed.indexer(), "key:alice"));
            assertEquals(dev.hearth.platform.web.ErrorCode.NOT_FOUND, gone.code());

            DownloadAnswer answer =
                    hearth.media().downloadRelease(searched, listed.title(), listed.indexer(), "key:alice");
            assertEquals(DownloadAnswer.Outcome.DOWNLOADING, answer.outcome(), answer.reason());
            assertEquals(other.fixture().name(), answer.release(), "the release picked, not another");
            String taskId = answer.taskId();
            assertNotNull(taskId);
            assertEquals(1, qbClient.list().size(), "one download: " + qbClient.list());
            Await.untilTrue(DONE_WITHIN, "the picked release finishes and Plex is refreshed", () -> {
                hearth.poller().run();
                return refreshesOfMovies() == 1;
            });
            Await.untilTrue(
                    Duration.ofSeconds(10),
                    "the ready notification",
                    () -> readyNotifications(hearth.db(), taskId) == 1);
            assertEquals("Ready to watch: Sicario (2015)", readyTitle(hearth.db(), taskId));
        }
    }

    @Test
    void aRestartBetweenTheAddAndTheCompletionStillRefreshesAndAnnouncesOnce() {
        Path data = dir.resolve("data-restart");
        try (Offered offered = offer("Gravity", 2013)) {
            String taskId;
            try (Hearth first = hearth(data, List.of(indexer(), plexServer()))) {
                DownloadAnswer answer = first.media()
                        .download(new MediaDownloads.Request("Gravity", 2013, ManagedKind.MOVIES), "key:alice");
                assertEquals(DownloadAnswer.Outcome.DOWNLOADING, answer.outcome(), answer.reason());
                taskId = answer.taskId();
                assertNotNull(taskId);
                // This Hearth stops before any poll of it saw the download finish.
            }
            assertEquals(0, refreshesOfMovies());

            try (Hearth second = hearth(data, List.of(indexer(), plexServer()))) {
                Await.untilTrue(DONE_WITHIN, "the second Hearth sees it finish and refreshes Plex", () -> {
                    second.poller().run();
                    return refreshesOfMovies() == 1;
                });
                Await.untilTrue(
                        Duration.ofSeconds(10),
                        "the ready notification names the title asked for before the restart",
                        () -> readyNotifications(second.db(), taskId) == 1);
                assertEquals("Ready to watch: Gravity (2013)", readyTitle(second.db(), taskId));
            }

            try (Hearth third = hearth(data, List.of(indexer(), plexServer()))) {
                third.poller().run();
                String hash = taskId.substring(taskId.indexOf(':') + 1);
                assertFalse(third.downloads()
                        .complete(new WebhookCompletion(hash, null, null, null, null, null, null))
                        .recorded());
                Await.untilTrue(
                        Duration.ofSeconds(10),
                        "nothing pending",
                        () -> third.bus().pending() == 0);
                assertEquals(1, refreshesOfMovies(), "no second refresh after another restart");
                assertEquals(1, readyNotifications(third.db(), taskId), "no second notification");
                assertTrue(third.events().seen.isEmpty());
            }
        }
    }

    @Test
    void aDownloadTheLibraryMoverPlacesIsRefreshedOnceItsFilesAreThere() throws Exception {
        Path library = java.nio.file.Files.createDirectories(dir.resolve("library/movies"));
        try (Offered offered = offer("Sicario", 2015);
                Hearth hearth = hearth(dir.resolve("data-placed"), List.of(indexer(), plexServer()), library)) {
            DownloadAnswer answer = hearth.media()
                    .download(new MediaDownloads.Request("Sicario", 2015, ManagedKind.MOVIES), "key:alice");
            assertEquals(DownloadAnswer.Outcome.DOWNLOADING, answer.outcome(), answer.reason());
            String taskId = answer.taskId();
            assertNotNull(taskId);
            Path placed = library.resolve(offered.fixture().name());
            Await.untilTrue(DONE_WITHIN, "the files are linked into the library and Plex refreshed", () -> {
                hearth.poller().run();
                return refreshesOfMovies() == 1;
            });
            assertTrue(java.nio.file.Files.exists(placed), "the library mover put the file there first: " + placed);
            assertEquals(
                    1,
                    hearth.db()
                            .count(
                                    "SELECT COUNT(*) FROM event_outbox WHERE type = ?",
                                    dev.hearth.downloads.DownloadPlaced.class.getName()),
                    "the refresh came from DownloadPlaced: the mover announces the files once they are there");
            Await.untilTrue(
                    Duration.ofSeconds(10),
                    "the ready notification",
                    () -> readyNotifications(hearth.db(), taskId) == 1);
            Await.untilTrue(
                    Duration.ofSeconds(10),
                    "nothing pending",
                    () -> hearth.bus().pending() == 0);
            assertEquals(1, refreshesOfMovies());
        }
    }

    @Test
    void aTitleThatCouldBeSeveralAnswersTheCandidatesAndDownloadsNothing() {
        try (Offered older = offer("Solaris", 1972);
                Offered newer = offer("Solaris", 2002);
                Hearth hearth = hearth(dir.resolve("data-ambiguous"), List.of(indexer(), plexServer()))) {
            DownloadAnswer answer = hearth.media()
                    .download(new MediaDownloads.Request("Solaris", null, ManagedKind.MOVIES), "key:alice");
            assertEquals(DownloadAnswer.Outcome.AMBIGUOUS, answer.outcome(), answer.reason());
            assertEquals(
                    List.of(1972, 2002),
                    answer.candidates().stream()
                            .map(DownloadAnswer.Candidate::year)
                            .sorted()
                            .toList());
            assertEquals(
                    0,
                    hearth.downloads()
                            .list(new dev.hearth.downloads.StatusFilter.All(), null, 50, 0)
                            .total());

            DownloadAnswer chosen = hearth.media()
                    .download(new MediaDownloads.Request("Solaris", 1972, ManagedKind.MOVIES), "key:alice");
            assertEquals(DownloadAnswer.Outcome.DOWNLOADING, chosen.outcome(), chosen.reason());
            assertEquals(older.fixture().name(), chosen.release());
        }
    }

    @Test
    void withRadarrTheTitleIsAddedThereAndItsDownloadLeftToRadarrsImport() throws Exception {
        try (FakeArr radarr = new FakeArr(FakeArr.App.RADARR);
                Hearth hearth = hearth(
                        dir.resolve("data-radarr"),
                        List.of(
                                Targets.create(
                                        stack,
                                        "radarr",
                                        "radarr",
                                        java.net.URI.create(radarr.baseUrl()),
                                        radarr.credentials()),
                                indexer(),
                                plexServer()))) {
            DownloadAnswer answer = hearth.media()
                    .download(new MediaDownloads.Request("Dune: Part Two", null, ManagedKind.MOVIES), "key:alice");
            assertEquals(DownloadAnswer.Outcome.ADDED, answer.outcome(), answer.reason());
            assertEquals("radarr", answer.via());
            assertTrue(
                    answer.reason().contains("quality profile '" + MediaScenario.QUALITY_PROFILE + "'")
                            && answer.reason().contains(MediaScenario.MOVIE.rootFolder()),
                    answer.reason());
            assertTrue(
                    radarr.received.contains(
                            "add " + MediaScenario.MOVIE.candidate().foreignId() + " profile "
                                    + MediaScenario.QUALITY_PROFILE_ID + " in " + MediaScenario.MOVIE.rootFolder()
                                    + " searching now"),
                    "Radarr was told to search now: " + radarr.received);

            DownloadAnswer again = hearth.media()
                    .download(new MediaDownloads.Request("Inception", 2010, ManagedKind.MOVIES), "key:alice");
            assertEquals(DownloadAnswer.Outcome.ALREADY_MANAGED, again.outcome(), again.reason());
        }
    }

    /**
     * Hearth's media webhook door ({@code POST /api/v1/webhooks/media/radarr}) on loopback, as MediaWebhookResource
     * serves it: the per-source secret first, then the body to the running Hearth's {@link MediaInbox}; while no
     * Hearth runs (a restart) it answers 503.
     */
    static final class WebhookDoor extends dev.hearth.fakes.FakeHttp {
        final java.util.concurrent.atomic.AtomicReference<Hearth> running =
                new java.util.concurrent.atomic.AtomicReference<>();

        WebhookDoor() throws java.io.IOException {}

        java.net.URI radarr() {
            return java.net.URI.create(url() + "/api/v1/webhooks/media/radarr");
        }

        @Override
        protected Reply handle(Request r) {
            Hearth h = running.get();
            if (h == null) return new Reply(503, "text/plain", "restarting");
            if (!r.method().equals("POST") || !r.path().equals("/api/v1/webhooks/media/radarr"))
                return new Reply(404, "text/plain", "");
            var source = MediaInbox.source("radarr");
            if (!h.inbox().secretMatches(source, r.header("X-Hearth-Webhook-Secret")))
                return new Reply(401, "application/json", "{}");
            return Reply.json(200, h.inbox().receive(source, r.header("Content-Type"), r.text()));
        }
    }

    /** Radarr's library before the add: Inception is the title to add, another movie is already there. */
    private static final MediaScenario.Managed INCEPTION_TO_ADD = new MediaScenario.Managed(
            new MediaScenario.Title(
                    1, "Dune: Part Two", 2024, "693134", "tt15239678", "/media/movies/Dune Part Two (2024)", 100, 1L),
            new MediaScenario.Title(0, "Inception", 2010, "27205", "tt1375666", "", 0, 0),
            MediaScenario.MOVIE.rootFolder(),
            "MoviesSearch",
            "RefreshMovie",
            "",
            "",
            MediaScenario.MOVIE.due(),
            MediaScenario.MOVIE.dueAt(),
            MediaScenario.MOVIE.dueRelease(),
            "Bluray-1080p");

    private static long said(Database db, String title) {
        return db.count("SELECT COUNT(*) FROM notifications WHERE title = ?", title);
    }

    private long plexRefreshes() {
        return plex.received.stream().filter(r -> r.startsWith("refresh ")).count();
    }

    /** Radarr's own Plex connection refreshes the movie's folder; Hearth's refresh would be the whole section. */
    private long radarrsRefreshOfInception() {
        return plex.received.stream()
                .filter(r -> r.equals("refresh path:" + MediaScenario.MOVIE.rootFolder() + "/Inception in library:"
                        + MediaScenario.MOVIES.name()))
                .count();
    }

    /** The whole path through Radarr, with Hearth built again on the same data between the add and the completion. */
    private void throughRadarr(String data, boolean restart) throws Exception {
        String name = "Inception.2010.1080p.BluRay.x264-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        TorrentFixture fixture = TorrentFixture.create(qb.downloads(), dir.resolve("torrents"), name, 64 * 1024 + 17);
        try (WebhookDoor door = new WebhookDoor();
                FakeArr radarr = new FakeArr(FakeArr.App.RADARR, INCEPTION_TO_ADD)) {
            RadarrDownloads client = new RadarrDownloads(
                    qb.url(),
                    QbittorrentDaemon.USER,
                    QbittorrentDaemon.PASSWORD,
                    java.net.URI.create(plex.url()),
                    plex.credentials().get("token"),
                    door.radarr(),
                    ARR_SECRET,
                    qb.downloads().toString());
            radarr.onSearch(movie -> client.grab(movie, new RadarrDownloads.Release(name, fixture.torrentBytes())));
            java.util.function.Supplier<List<Integration>> services = () -> List.of(
                    Targets.create(
                            stack, "radarr", "radarr", java.net.URI.create(radarr.baseUrl()), radarr.credentials()),
                    indexer(),
                    plexServer());
            Path home = dir.resolve(data);
            Hearth hearth = hearth(home, services.get(), null, true);
            door.running.set(hearth);
            try {
                DownloadAnswer answer = hearth.media()
                        .download(new MediaDownloads.Request("Inception", null, ManagedKind.MOVIES), "key:alice");
                assertEquals(DownloadAnswer.Outcome.ADDED, answer.outcome(), answer.reason());
                assertEquals("radarr", answer.via());
                assertEquals(
                        List.of("add 27205 profile " + MediaScenario.QUALITY_PROFILE_ID + " in "
                                + MediaScenario.MOVIE.rootFolder() + " searching now"),
                        radarr.received);
                // qBittorrent answers "Ok." to an add before the torrent is in its list
                Await.untilTrue(
                        DONE_WITHIN,
                        "Radarr handed its release to qBittorrent under its own category",
                        () -> qbClient.list().stream()
                                .map(t -> t.category())
                                .toList()
                                .equals(List.of(RadarrDownloads.CATEGORY)));
                if (restart) {
                    door.running.set(null);
                    hearth.close();
                    hearth = hearth(home, services.get(), null, true);
                    door.running.set(hearth);
                }
                Hearth current = hearth;
                Await.untilTrue(DONE_WITHIN, "qBittorrent completes it, Radarr imports it and tells Hearth", () -> {
                    current.poller().run();
                    client.checkFinishedDownloads();
                    return said(current.db(), "Ready to watch: Inception (2010)") == 1;
                });
                Await.untilTrue(Duration.ofSeconds(30), "Hearth saw the download complete too", () -> {
                    current.poller().run();
                    return current.events().seen.stream()
                            .anyMatch(e -> e.category().equals(RadarrDownloads.CATEGORY));
                });
                // Radarr's scheduler runs again, the webhook is delivered twice, Hearth polls again: nothing more.
                assertEquals(0, client.checkFinishedDownloads());
                assertEquals(200, client.resendLastImport());
                current.poller().run();
                Await.untilTrue(
                        Duration.ofSeconds(10),
                        "nothing pending",
                        () -> current.bus().pending() == 0);
                assertEquals(1, said(current.db(), "Ready to watch: Inception (2010)"), "said exactly once");
                assertEquals(1, radarrsRefreshOfInception(), "Radarr's Plex connection refreshed the folder once");
                assertEquals(1, plexRefreshes(), "Hearth left the *arr category's refresh to Radarr: " + plex.received);
            } finally {
                door.running.set(null);
                hearth.close();
            }
        }
    }

    @Test
    void inceptionThroughRadarrEndsInTheLibraryThroughRadarrsImportAndIsAnnouncedOnce() throws Exception {
        throughRadarr("data-radarr-path", false);
    }

    @Test
    void inceptionThroughRadarrWithARestartBetweenTheAddAndTheCompletionIsAnnouncedOnce() throws Exception {
        throughRadarr("data-radarr-restart", true);
    }
}
