package dev.hearth.seed;

import static dev.hearth.seed.SeedFlowProfile.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.DownloadCompleted;
import dev.hearth.fakes.FakeTelegram;
import dev.hearth.fakes.media.FakePlex;
import dev.hearth.fakes.media.FakeTorznab;
import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.notify.telegram.bot.ChatAnnouncement;
import dev.hearth.platform.events.EventBus;
import dev.hearth.testing.Await;
import dev.hearth.testing.FileServer;
import dev.hearth.testing.TorrentFixture;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed's flow, told from the chat: "Download Inception" typed in Telegram → the assistant → {@code media.download}
 * → the indexer double's best release → the REAL qBittorrent, whose data is already on disk so it completes → Plex's
 * Movies library refreshed → "Ready to watch" in the same chat, once. The subclasses differ in the assistant only.
 */
abstract class SeedFlow {
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    static final Duration DONE_WITHIN = Duration.ofSeconds(120);
    static final String CHAT = Long.toString(OPERATOR);

    @Inject
    EventBus bus;

    final FakeTelegram telegram = SeedFlowProfile.telegram();
    final FakeTorznab torznab = SeedFlowProfile.torznab();
    final FakePlex plex = SeedFlowProfile.plex();

    abstract String provider();

    /** A release of Inception (2010) whose data is in qBittorrent's save path, offered as a .torrent link. */
    record Offered(TorrentFixture fixture, FileServer files) implements AutoCloseable {
        @Override
        public void close() {
            files.close();
        }
    }

    Offered offerInception() {
        String name = "Inception.2010.1080p.BluRay.x264-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        TorrentFixture fixture = TorrentFixture.create(
                SeedFlowProfile.qbittorrentDownloads(provider()),
                SeedFlowProfile.dir(provider()).resolve("torrents"),
                name,
                64 * 1024 + 23);
        FileServer files = new FileServer(name + ".torrent", fixture.torrentBytes());
        torznab.offer(new FakeTorznab.Offered(
                name, fixture.size(), 42, 2040, files.url(name + ".torrent").toString()));
        return new Offered(fixture, files);
    }

    /** Says {@code text} in the operator's chat and answers the bot's next message there. */
    FakeTelegram.Message say(String text) {
        int before = telegram.messagesTo(CHAT).size();
        telegram.pushText(OPERATOR, OPERATOR, text);
        return next(before, "the bot's answer to " + text);
    }

    FakeTelegram.Message press(String callbackData) {
        int before = telegram.messagesTo(CHAT).size();
        telegram.pushCallback(OPERATOR, OPERATOR, callbackData);
        return next(before, "the bot's answer to the button " + callbackData);
    }

    private FakeTelegram.Message next(int before, String what) {
        return Await.until(ANSWER_WITHIN, what, () -> {
            List<FakeTelegram.Message> m = telegram.messagesTo(CHAT);
            return m.size() > before ? m.get(before) : null;
        });
    }

    /** The task qBittorrent made of the release, once a poll has read its name (the client fetches the .torrent). */
    static String taskOf(dev.hearth.downloads.DownloadService downloads, Offered offered) {
        return Await.until(
                ANSWER_WITHIN,
                "qBittorrent's task for " + offered.fixture().name(),
                () ->
                        downloads
                                .list(new dev.hearth.downloads.StatusFilter.All(), "qbittorrent", 500, 0)
                                .tasks()
                                .stream()
                                .filter(t -> t.name().equals(offered.fixture().name()))
                                .findFirst()
                                .map(dev.hearth.downloads.Task::id)
                                .orElse(null));
    }

    long readyMessages() {
        return telegram.messagesTo(CHAT).stream()
                .filter(m -> m.text().contains("Ready to watch: Inception (2010)"))
                .count();
    }

    long refreshesOfMovies() {
        return plex.received.stream()
                .filter(r -> r.equals("refresh library:" + MediaScenario.MOVIES.name()))
                .count();
    }

    /**
     * After the bot said it is downloading: qBittorrent finishes, Plex's Movies is refreshed once, and the chat that
     * asked hears "Ready to watch" once, also when the completion and the announcement are delivered again.
     */
    void thenTheSameChatHearsItIsReadyOnce(Offered offered, String taskId) {
        FakeTelegram.Message ready = Await.until(
                DONE_WITHIN,
                "qBittorrent finishes, Plex is refreshed and the chat hears of it",
                () -> telegram.messagesTo(CHAT).stream()
                        .filter(m -> m.text().contains("Ready to watch: Inception (2010)"))
                        .findFirst()
                        .orElse(null));
        assertTrue(ready.text().contains("in your library (plex:" + MediaScenario.MOVIES.name() + ")"), ready.text());
        assertEquals(1, refreshesOfMovies(), "the library was refreshed before the message: " + plex.received);

        // The bus delivers at least once: the completion and the announcement again change nothing.
        bus.publish(new DownloadCompleted(
                taskId,
                "qbittorrent",
                offered.fixture().name(),
                "movies",
                SeedFlowProfile.qbittorrentDownloads(provider()).toString(),
                offered.fixture().size(),
                Instant.now(),
                "telegram:" + OPERATOR));
        bus.publish(new ChatAnnouncement("media:ready:" + taskId, "🎬 Ready to watch: Inception (2010)"));
        Await.untilTrue(Duration.ofSeconds(20), "the bus delivered everything", () -> bus.pending() == 0);
        assertEquals(1, readyMessages(), "exactly one ready message: " + telegram.messagesTo(CHAT));
        assertEquals(1, refreshesOfMovies(), "exactly one refresh");
        assertTrue(
                telegram.messagesTo(CHAT).stream().noneMatch(m -> m.text().contains("Download finished")),
                "a title the chat asked for is announced when it is in the library, not twice");
    }
}
