package dev.hearth.notify.telegram.bot;

import dev.hearth.fakes.FakeTelegram;
import dev.hearth.testing.QbittorrentDaemon;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hearth with the Telegram bot long-polling the {@link FakeTelegram} double, a REAL qBittorrent on loopback, and a
 * supervised program posing as "plex" (a real process Hearth restarts). Users: {@link #OPERATOR} and {@link #VIEWER}
 * by user id, the group {@link #GROUP} as viewer; {@link #STRANGER} is on no list.
 */
public class TelegramBotProfile implements QuarkusTestProfile {
    public static final String TOKEN = "424242:AAH-test_token_0123456789";
    public static final long OPERATOR = 1001;
    public static final long VIEWER = 1002;
    public static final long STRANGER = 6666;
    public static final long GROUP = -5005;
    public static final Path DIR =
            Path.of("target/test-telegram-bot/" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>();
        c.put("hearth.data_dir", DIR.resolve("data").toString());
        c.put("hearth.downloads.poll_interval", "1s");
        c.put("hearth.downloads.completion.mode", "none");
        c.put("hearth.downloads_dir", DIR.toString());
        c.put("hearth.telegram_bot.enabled", "true");
        c.put("hearth.telegram_bot.bot_token", TOKEN);
        c.put("hearth.telegram_bot.poll_timeout", "2s");
        c.put(
                "hearth.telegram_bot.users",
                "[{\"id\": \"" + OPERATOR + "\", \"role\": \"operator\"}, {\"id\": \"" + VIEWER
                        + "\", \"role\": \"viewer\"}]");
        c.put("hearth.telegram_bot.chats", "[{\"id\": \"" + GROUP + "\", \"role\": \"viewer\"}]");
        return c;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Doubles.class));
    }

    /** The double and the daemon, reachable from the test through the system properties (another class loader). */
    public static FakeTelegram telegram() {
        return (FakeTelegram) System.getProperties().get("hearth.test.telegram");
    }

    /** The REAL qBittorrent's Web UI, for what a test does to it directly (a recheck, as after a disk repair). */
    public static java.net.URI qbittorrentUrl() {
        return (java.net.URI) System.getProperties().get("hearth.test.qbittorrent");
    }

    public static Path qbittorrentDownloads() {
        return DIR.resolve("qbittorrent").resolve("downloads");
    }

    public static class Doubles implements io.quarkus.test.common.QuarkusTestResourceLifecycleManager {
        private FakeTelegram telegram;
        private QbittorrentDaemon qbittorrent;

        @Override
        public Map<String, String> start() {
            try {
                telegram = new FakeTelegram(
                        TOKEN,
                        Set.of(
                                Long.toString(OPERATOR),
                                Long.toString(VIEWER),
                                Long.toString(STRANGER),
                                Long.toString(GROUP)));
                System.getProperties().put("hearth.test.telegram", telegram);
                qbittorrent = new QbittorrentDaemon(DIR.resolve("qbittorrent"));
                System.getProperties().put("hearth.test.qbittorrent", qbittorrent.url());
                String services = """
                        [{"name": "qbittorrent", "url": "%s", "integration": "qbittorrent", "timeout": "5s",
                          "credentials": {"username": "%s", "password": "%s"}},
                         {"name": "plex", "display_name": "Plex Media Server", "runtime": {"process":
                          {"command": ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done"], "stop_timeout": "2s"}}}]
                        """.formatted(qbittorrent.url(), QbittorrentDaemon.USER, QbittorrentDaemon.PASSWORD)
                        .replace("\n", " ");
                return Map.of("hearth.telegram_bot.api_base_url", telegram.url(), "hearth.services", services);
            } catch (IOException e) {
                stop();
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            if (telegram != null) telegram.close();
            if (qbittorrent != null) qbittorrent.close();
            System.getProperties().remove("hearth.test.telegram");
            System.getProperties().remove("hearth.test.qbittorrent");
        }
    }
}
