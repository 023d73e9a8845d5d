package dev.hearth.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hearth.downloads.internal.ClientDirectory;
import dev.hearth.downloads.internal.Completions;
import dev.hearth.downloads.internal.DownloadReadings;
import dev.hearth.downloads.internal.TaskStore;
import dev.hearth.downloads.internal.WebhookSecret;
import dev.hearth.fakes.FakeDownloadClient;
import dev.hearth.fakes.FakeDownloadKinds;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.events.EventListener;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.security.Tokens;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.Await;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart is simulated by building the feature again on the same data dir: history and the once-only guard survive it. */
class CompletionRestartTest {
    private static final JsonMapper JSON =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

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

    /** One "process": the feature's objects over a database in {@code dir}, with the given client. */
    record Hearth(
            Database db, EventBus bus, DownloadService downloads, Runnable poller, Recorder events, LiveHub live) {
        static Hearth start(Path dir, FakeDownloadClient client) {
            ConfigService config = TestConfig.sqlite(dir);
            Database db = new Database(config);
            Clock clock = Clock.systemUTC();
            Recorder events = new Recorder();
            EventBus bus = new EventBus(db, JSON, clock, List.of(events));
            TaskStore store = new TaskStore(db);
            ClientDirectory clients = new ClientDirectory(
                    () -> List.of(new ClientDirectory.Client(
                            client,
                            new FakeDownloadKinds.Torrents()
                                    .capability(DownloadCapability.class)
                                    .orElseThrow())),
                    name -> client.poll().health());
            Completions completions = new Completions(db, store, bus, clock);
            LiveHub live = dev.hearth.testing.TestLive.hub(JSON, 100);
            DownloadReadings readings = new DownloadReadings(clients, store, completions, db, config, clock, live);
            Runnable poller = () -> readings.record(client.serviceName(), client.poll());
            DownloadService downloads = new DownloadService(
                    clients, store, completions, poller::run, new WebhookSecret(config, new Tokens()), config, clock);
            bus.start();
            return new Hearth(db, bus, downloads, poller, events, live);
        }
    }

    /** A Quarkus test that ran earlier in this JVM deregisters the JDBC drivers when it stops; this test runs without Quarkus. */
    @org.junit.jupiter.api.BeforeAll
    static void sqliteDriver() throws java.sql.SQLException {
        if (java.util.Collections.list(java.sql.DriverManager.getDrivers()).stream()
                .noneMatch(d -> d instanceof org.sqlite.JDBC)) {
            java.sql.DriverManager.registerDriver(new org.sqlite.JDBC());
        }
    }

    @Test
    void aCompletionIsPublishedOnceAndItsHistorySurvivesARestart(@TempDir Path dir) {
        FakeDownloadClient client = new FakeDownloadClient("fakebit", "qbittorrent");
        String hash = Torrents.newHash();

        Hearth first = Hearth.start(dir, client);
        Task added = first.downloads()
                .add(new AddCommand(Torrents.magnet(hash, "Across.Restarts"), null, null, null, null), "key:alice");
        client.complete(hash, "/downloads");
        first.poller().run();
        Await.untilTrue(
                Duration.ofSeconds(10),
                "the first process delivers the event",
                () -> first.events().seen.size() == 1);
        first.bus().stop();

        Hearth second = Hearth.start(dir, client);
        try {
            second.poller().run(); // the client still reports the task as seeding
            DownloadService.WebhookResult hook = second.downloads()
                    .complete(new WebhookCompletion(hash, "Across.Restarts", "", "/downloads", 1000L, null, null));
            assertFalse(hook.recorded(), "the webhook after the restart records nothing new");
            Await.untilTrue(
                    Duration.ofSeconds(10),
                    "nothing pending",
                    () -> second.bus().pending() == 0);
            assertTrue(second.events().seen.isEmpty(), "no second DownloadCompleted after the restart");
            assertEquals(
                    1,
                    second.db()
                            .count(
                                    "SELECT COUNT(*) FROM event_outbox WHERE type = ?",
                                    DownloadCompleted.class.getName()));

            TaskPage completed = second.downloads().list(new StatusFilter.Completed(), null, 50, 0);
            assertEquals(
                    List.of(added.id()),
                    completed.tasks().stream().map(Task::id).toList());
            assertEquals("key:alice", completed.tasks().getFirst().addedBy());
            assertTrue(completed.tasks().getFirst().isCompleted());
        } finally {
            second.bus().stop();
        }
    }

    @Test
    void aPollSendsLiveUpdatesForTheTasksThatMovedOnly(@TempDir Path dir) {
        FakeDownloadClient client = new FakeDownloadClient("fakebit", "qbittorrent");
        Hearth hearth = Hearth.start(dir, client);
        try {
            List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
            LiveHub.Client watcher = hearth.live()
                    .connect(
                            new LiveHub.Sink() {
                                @Override
                                public java.util.concurrent.CompletionStage<?> send(String text) {
                                    sent.add(text);
                                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                                }

                                @Override
                                public void close(int code, String reason) {}
                            },
                            LiveHub.Format.ENVELOPE);
            watcher.subscribe("task_updates", null);
            String hash = Torrents.newHash();
            Task added = hearth.downloads()
                    .add(new AddCommand(Torrents.magnet(hash, "Live.Progress"), null, null, null, null), "key:bob");
            hearth.poller().run();
            hearth.poller().run();
            int afterQuietPoll = sent.size();
            client.complete(hash, "/downloads");
            hearth.poller().run();
            assertTrue(sent.size() > afterQuietPoll, "the completed task was sent");
            String last = sent.getLast();
            assertTrue(last.contains("\"task_updates\"") && last.contains(added.id()), last);
            hearth.poller().run();
            assertEquals(afterQuietPoll + 1, sent.size(), "a poll where nothing moved sends nothing");
        } finally {
            hearth.bus().stop();
        }
    }
}
