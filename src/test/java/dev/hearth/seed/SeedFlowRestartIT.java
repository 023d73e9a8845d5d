package dev.hearth.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.fakes.FakeTelegram;
import dev.hearth.fakes.media.FakePlex;
import dev.hearth.fakes.media.FakeTorznab;
import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.Await;
import dev.hearth.testing.FileServer;
import dev.hearth.testing.Ports;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.Targets;
import dev.hearth.testing.TorrentFixture;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's flow across real restarts of the packaged Hearth ({@code bin/hearth} on the built jar, as a user runs
 * it; issue 13 point 4): "Download Inception" typed to the bot (long polling the Telegram double) → the offline
 * assistant → the indexer double's release → the REAL qBittorrent. That qBittorrent has no copy of the data and no
 * peer, so the download cannot finish while the first Hearth runs; the first Hearth is stopped (SIGTERM, as a user
 * stops it), a second is started on the same data dir, and only then does the test introduce the one peer that has
 * the data, a second real qBittorrent seeding it, so the bytes really cross loopback. The second Hearth sees the
 * completion, Plex's Movies library is refreshed once and the chat that asked hears "Ready to watch" once. A third
 * start, with the download long finished and polled again, says nothing more and refreshes nothing more.
 */
class SeedFlowRestartIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "626262:AAH-seed_restart_token_0123456789";
    private static final String ADMIN_KEY = "hth_seed_restart_admin_key_0123456789abcdef";
    private static final long OPERATOR = 3001;
    private static final String CHAT = Long.toString(OPERATOR);
    private static final Duration START_WITHIN = Duration.ofSeconds(120);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final Duration DONE_WITHIN = Duration.ofSeconds(120);
    private static final Map<String, String> QB_LOGIN =
            Map.of("username", QbittorrentDaemon.USER, "password", QbittorrentDaemon.PASSWORD);

    @Test
    void downloadInceptionAddedBeforeARestartAndFinishedAfterItIsRefreshedAndAnnouncedOnce(@TempDir Path dir)
            throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(TOKEN, Set.of(CHAT));
                FakeTorznab torznab = new FakeTorznab(FakeTorznab.Refusal.HTTP_401);
                FakePlex plex = new FakePlex();
                QbittorrentDaemon qb = new QbittorrentDaemon(dir.resolve("qbittorrent"));
                QbittorrentDaemon seeder = new QbittorrentDaemon(dir.resolve("seeder"));
                HttpStack stack = Targets.stack()) {
            DownloadClient hearthsQb = client(stack, "qbittorrent", qb);

            // The release: its data only in the seeder's folder, offered by the indexer as a .torrent link.
            String name = "Inception.2010.1080p.BluRay.x264-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            TorrentFixture release =
                    TorrentFixture.create(seeder.downloads(), dir.resolve("torrents"), name, 512 * 1024 + 23);
            DownloadClient seeding = client(stack, "seeder", seeder);
            String hash = seeding.add(new AddRequest(
                    new AddRequest.Source.TorrentFile(name + ".torrent", release.torrentBytes()), null, null));
            Await.untilTrue(
                    ANSWER_WITHIN,
                    "the seeder checked its copy and seeds it",
                    () -> task(seeding, hash)
                            .map(t -> t.status() == TaskStatus.SEEDING)
                            .orElse(false));

            try (FileServer files = new FileServer(name + ".torrent", release.torrentBytes())) {
                torznab.offer(new FakeTorznab.Offered(
                        name,
                        release.size(),
                        42,
                        2040,
                        files.url(name + ".torrent").toString()));
                Path config = writeConfig(dir, telegram, torznab, plex, qb);
                Path data = dir.resolve("state");
                String taskId = "qbittorrent:" + hash;

                // 1. The first Hearth: the chat asks, the bot starts the download, and Hearth is stopped before it
                // ends.
                Process first = start(dir, config, data, "first");
                try {
                    awaitBotPolling(telegram);
                    FakeTelegram.Message question = say(telegram, "Download Inception");
                    assertTrue(question.text().contains("film or a series"), question.text());
                    JsonNode film = question.replyMarkup()
                            .path("inline_keyboard")
                            .path(0)
                            .path(0);
                    assertEquals("film", film.path("text").asText(), question.toString());
                    FakeTelegram.Message started =
                            press(telegram, film.path("callback_data").asText());
                    assertTrue(started.text().contains(name), "says which release: " + started.text());
                    assertTrue(
                            torznab.received.stream().anyMatch(r -> r.contains("Inception")),
                            torznab.received.toString());

                    DownloadTask added = Await.until(
                            ANSWER_WITHIN,
                            "qBittorrent has the release Hearth added, in the movies folder",
                            () -> task(hearthsQb, hash)
                                    .filter(t -> t.name().equals(name))
                                    .orElse(null));
                    assertTrue(added.progress() < 100, "nobody has offered it a byte yet: " + added);
                    Await.untilTrue(
                            ANSWER_WITHIN, "the first Hearth polled the task", () -> lastSeen(data, taskId) > 0);
                } finally {
                    stop(first);
                }
                assertTrue(
                        task(hearthsQb, hash).orElseThrow().progress() < 100,
                        "the download had not finished when the first Hearth stopped");
                assertEquals(0, refreshesOfMovies(plex), plex.received.toString());
                assertEquals(0, readyMessages(telegram));

                // 2. The second Hearth on the same data dir; only now does the download get its peer, and finish.
                Process second = start(dir, config, data, "second");
                try {
                    long askedBefore = telegram.offsetsAsked.size();
                    introducePeer(qb, hash, "127.0.0.1:" + seeder.peerPort());
                    FakeTelegram.Message ready = Await.until(
                            DONE_WITHIN,
                            "qBittorrent finishes after the restart, Plex is refreshed and the chat hears of it",
                            () -> telegram.messagesTo(CHAT).stream()
                                    .filter(m -> m.text().contains("Ready to watch: Inception (2010)"))
                                    .findFirst()
                                    .orElse(null));
                    assertTrue(
                            ready.text().contains("in your library (plex:" + MediaScenario.MOVIES.name() + ")"),
                            ready.text());
                    assertEquals(1, refreshesOfMovies(plex), "refreshed before the message: " + plex.received);
                    assertArrayEquals(
                            Files.readAllBytes(release.data()),
                            Files.readAllBytes(qb.downloads().resolve(name)),
                            "the film's bytes crossed from the seeder into the movies folder");
                    assertTrue(telegram.offsetsAsked.size() > askedBefore, "the second Hearth's bot was polling");
                    Await.untilTrue(
                            ANSWER_WITHIN,
                            "the second Hearth delivered every event",
                            () -> undeliveredEvents(data) == 0);
                } finally {
                    stop(second);
                }

                // 3. A third start, the download long finished: polled again, it is not news any more.
                int messagesBefore = telegram.messagesTo(CHAT).size();
                Process third = start(dir, config, data, "third");
                try {
                    long startedAt = System.currentTimeMillis();
                    int asked = telegram.offsetsAsked.size();
                    Await.untilTrue(
                            ANSWER_WITHIN,
                            "the third Hearth polled qBittorrent and the bot polled Telegram twice",
                            () -> lastSeen(data, taskId) > startedAt && telegram.offsetsAsked.size() >= asked + 2);
                    Await.untilTrue(
                            ANSWER_WITHIN,
                            "the third Hearth delivered every event",
                            () -> undeliveredEvents(data) == 0);
                } finally {
                    stop(third);
                }
                assertEquals(1, readyMessages(telegram), "exactly one ready message: " + telegram.messagesTo(CHAT));
                assertEquals(
                        messagesBefore,
                        telegram.messagesTo(CHAT).size(),
                        "the third start said nothing: " + telegram.messagesTo(CHAT));
                assertTrue(
                        telegram.messagesTo(CHAT).stream()
                                .noneMatch(m -> m.text().contains("Download finished")),
                        "a title the chat asked for is announced once, when it is in the library");
                assertEquals(1, refreshesOfMovies(plex), "exactly one refresh: " + plex.received);
                assertEquals(
                        1,
                        count(
                                data,
                                "SELECT COUNT(*) FROM event_outbox WHERE type = 'dev.hearth.downloads.DownloadCompleted'"),
                        "one completion in all three lives");
            }
        }
    }

    private static DownloadClient client(HttpStack stack, String service, QbittorrentDaemon daemon) {
        return (DownloadClient) Targets.create(stack, "qbittorrent", service, daemon.url(), QB_LOGIN);
    }

    private static Optional<DownloadTask> task(DownloadClient client, String hash) {
        return client.list().stream().filter(t -> t.id().equals(hash)).findFirst();
    }

    private static Path writeConfig(
            Path dir, FakeTelegram telegram, FakeTorznab torznab, FakePlex plex, QbittorrentDaemon qb)
            throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("server", Map.of("host", "127.0.0.1"));
        c.put("downloads_dir", dir.toString());
        c.put(
                "downloads",
                Map.of(
                        "poll_interval", "1s",
                        "completion", Map.of("mode", "none"),
                        "categories",
                                Map.of(
                                        "movies",
                                        Map.of("save_path", qb.downloads().toString()))));
        c.put(
                "media",
                Map.of(
                        "download", Map.of("max_size_mb", 1),
                        "libraries",
                                List.of(Map.of(
                                        "category",
                                        "movies",
                                        "server",
                                        "plex",
                                        "library",
                                        MediaScenario.MOVIES.name()))));
        c.put(
                "telegram_bot",
                Map.of(
                        "enabled",
                        true,
                        // from the environment, as the documentation advises: no token in the file
                        "bot_token",
                        "${HEARTH_IT_TELEGRAM_BOT_TOKEN}",
                        "api_base_url",
                        telegram.url(),
                        "poll_timeout",
                        "1s",
                        "users",
                        List.of(Map.of("id", CHAT, "role", "operator"))));
        c.put(
                "services",
                List.of(
                        service("qbittorrent", "qbittorrent", qb.url().toString(), QB_LOGIN),
                        service("jackett", "torznab", torznab.baseUrl(), torznab.credentials()),
                        service("plex", "plex", plex.baseUrl(), plex.credentials())));
        Path config = dir.resolve("hearth.yml");
        // JSON is YAML: the mapper writes every path and URL quoted.
        Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c));
        return config;
    }

    private static Map<String, Object> service(String name, String kind, String url, Map<String, String> credentials) {
        return Map.of("name", name, "url", url, "integration", kind, "timeout", "5s", "credentials", credentials);
    }

    /** bin/hearth as a user runs it, with the JVM flags given (no start-up cache is recorded); answers when /health does. */
    private static Process start(Path dir, Path config, Path data, String life) throws Exception {
        int port = Ports.free();
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of("bin/hearth").toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("hearth-" + life + ".out").toFile()));
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("LANG", "C.UTF-8");
        env.put("HEARTH_PORT", String.valueOf(port));
        env.put("HEARTH_DATA_DIR", data.toString());
        env.put("HEARTH_CONFIG", config.toString());
        env.put("HEARTH_ADMIN_API_KEY", ADMIN_KEY);
        env.put("HEARTH_IT_TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("HEARTH_JAVA_OPTS", "-XX:+UseSerialGC -Xmx192m --enable-native-access=ALL-UNNAMED");
        Process hearth = pb.start();
        try {
            Await.untilTrue(
                    START_WITHIN, "the " + life + " Hearth to answer /health (see hearth-" + life + ".out)", () -> {
                        if (!hearth.isAlive())
                            throw new AssertionError("the " + life + " Hearth ended with " + hearth.exitValue() + ": "
                                    + tail(dir.resolve("hearth-" + life + ".out")));
                        return health(port) == 200;
                    });
        } catch (RuntimeException | AssertionError e) {
            stop(hearth);
            throw e;
        }
        return hearth;
    }

    /** An orderly stop (SIGTERM to the launcher, which forwards it to the JVM), as systemd or Ctrl-C gives it. */
    private static void stop(Process hearth) throws InterruptedException {
        hearth.destroy();
        if (!hearth.waitFor(60, TimeUnit.SECONDS)) {
            hearth.descendants().forEach(ProcessHandle::destroyForcibly);
            hearth.destroyForcibly();
            hearth.waitFor(20, TimeUnit.SECONDS);
            throw new AssertionError("Hearth did not stop within 60 s of SIGTERM");
        }
    }

    private static int health(int port) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception notYet) {
            return 0;
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(no output)";
        }
    }

    private static void awaitBotPolling(FakeTelegram telegram) {
        int before = telegram.offsetsAsked.size();
        Await.untilTrue(ANSWER_WITHIN, "the bot to poll Telegram", () -> telegram.offsetsAsked.size() > before);
    }

    private static FakeTelegram.Message say(FakeTelegram telegram, String text) {
        int before = telegram.messagesTo(CHAT).size();
        telegram.pushText(OPERATOR, OPERATOR, text);
        return next(telegram, before, "the bot's answer to " + text);
    }

    private static FakeTelegram.Message press(FakeTelegram telegram, String callbackData) {
        int before = telegram.messagesTo(CHAT).size();
        telegram.pushCallback(OPERATOR, OPERATOR, callbackData);
        return next(telegram, before, "the bot's answer to the button " + callbackData);
    }

    private static FakeTelegram.Message next(FakeTelegram telegram, int before, String what) {
        return Await.until(ANSWER_WITHIN, what, () -> {
            List<FakeTelegram.Message> m = telegram.messagesTo(CHAT);
            return m.size() > before ? m.get(before) : null;
        });
    }

    private static long readyMessages(FakeTelegram telegram) {
        return telegram.messagesTo(CHAT).stream()
                .filter(m -> m.text().contains("Ready to watch: Inception (2010)"))
                .count();
    }

    private static long refreshesOfMovies(FakePlex plex) {
        return plex.received.stream()
                .filter(r -> r.equals("refresh library:" + MediaScenario.MOVIES.name()))
                .count();
    }

    /**
     * What a peer (or a tracker) would do: qBittorrent learns the seeder's address. Through qBittorrent's Web API
     * directly, since Hearth has no such action: it is the swarm's part, not the user's.
     */
    private static void introducePeer(QbittorrentDaemon qb, String hash, String peer) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = http.send(
                form(
                        qb.url().resolve("api/v2/auth/login"),
                        Map.of("username", QbittorrentDaemon.USER, "password", QbittorrentDaemon.PASSWORD)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("Ok.", login.body(), "qBittorrent login");
        HttpResponse<String> added = http.send(
                form(qb.url().resolve("api/v2/torrents/addPeers"), Map.of("hashes", hash, "peers", peer)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, added.statusCode(), "addPeers: " + added.body());
    }

    private static HttpRequest form(URI uri, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    /** When Hearth's poller last listed the task (0: never), read from its database beside it. */
    private static long lastSeen(Path data, String taskId) {
        return count(data, "SELECT COALESCE(MAX(last_seen_at), 0) FROM download_tasks WHERE id = ?", taskId);
    }

    private static long undeliveredEvents(Path data) {
        return count(data, "SELECT COUNT(*) FROM event_outbox WHERE delivered_at IS NULL");
    }

    /** One number from Hearth's SQLite database, read beside a running Hearth (its WAL journal lets readers in). */
    private static long count(Path data, String sql, String... args) {
        Path db = data.resolve("hearth.db");
        if (!Files.exists(db)) return 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setString(i + 1, args[i]);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("reading " + db + ": " + e.getMessage(), e);
        }
    }
}
