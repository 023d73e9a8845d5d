package dev.hearth.seed;

import dev.hearth.fakes.FakeAnthropic;
import dev.hearth.fakes.FakeTelegram;
import dev.hearth.fakes.media.FakePlex;
import dev.hearth.fakes.media.FakeTorznab;
import dev.hearth.fakes.media.MediaScenario;
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
 * The seed's Hearth: the Telegram bot long-polling the {@link FakeTelegram} double, the REAL qBittorrent on loopback
 * as the only download client, a Torznab indexer double and a Plex double as the media services, a "movies"
 * category whose finished downloads refresh Plex's Movies library, and the offline assistant. {@link Anthropic} puts
 * the assistant on the Anthropic Messages double instead. The doubles reach the test through the system properties
 * (the test and this resource may sit in different class loaders).
 */
public class SeedFlowProfile implements QuarkusTestProfile {
    public static final String TOKEN = "515151:AAH-seed_token_0123456789";
    public static final String ANTHROPIC_KEY = "sk-ant-seed-0123456789abcdefSECRET";
    public static final long OPERATOR = 3001;

    static Path dir(String profile) {
        return Path.of("target/test-seed/" + profile + "-"
                        + ProcessHandle.current().pid())
                .toAbsolutePath();
    }

    protected String provider() {
        return "offline";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Path dir = dir(provider());
        Map<String, String> c = new HashMap<>();
        c.put("hearth.data_dir", dir.resolve("data").toString());
        c.put("hearth.downloads_dir", dir.toString());
        c.put("hearth.downloads.poll_interval", "1s");
        c.put("hearth.downloads.completion.mode", "none");
        c.put(
                "hearth.downloads.categories",
                "{\"movies\": {\"save_path\": \"" + qbittorrentDownloads(provider()) + "\"}}");
        c.put("hearth.media.download.max_size_mb", "1");
        c.put(
                "hearth.media.libraries",
                "[{\"category\": \"movies\", \"server\": \"plex\", \"library\": \"" + MediaScenario.MOVIES.name()
                        + "\"}]");
        c.put("hearth.telegram_bot.enabled", "true");
        c.put("hearth.telegram_bot.bot_token", TOKEN);
        c.put("hearth.telegram_bot.poll_timeout", "2s");
        c.put("hearth.telegram_bot.users", "[{\"id\": \"" + OPERATOR + "\", \"role\": \"operator\"}]");
        return c;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Doubles.class, Map.of("provider", provider())));
    }

    public static Path qbittorrentDownloads(String provider) {
        return dir(provider).resolve("qbittorrent").resolve("downloads");
    }

    public static FakeTelegram telegram() {
        return (FakeTelegram) System.getProperties().get("hearth.seed-test.telegram");
    }

    public static FakeTorznab torznab() {
        return (FakeTorznab) System.getProperties().get("hearth.seed-test.torznab");
    }

    public static FakePlex plex() {
        return (FakePlex) System.getProperties().get("hearth.seed-test.plex");
    }

    public static FakeAnthropic anthropic() {
        return (FakeAnthropic) System.getProperties().get("hearth.seed-test.anthropic");
    }

    /** The same Hearth with the assistant on Anthropic's Messages API, answered by {@link FakeAnthropic}. */
    public static class Anthropic extends SeedFlowProfile {
        @Override
        protected String provider() {
            return "anthropic";
        }
    }

    public static class Doubles implements io.quarkus.test.common.QuarkusTestResourceLifecycleManager {
        private String provider = "offline";
        private FakeTelegram telegram;
        private QbittorrentDaemon qbittorrent;
        private FakeTorznab torznab;
        private FakePlex plex;
        private FakeAnthropic anthropic;

        @Override
        public void init(Map<String, String> args) {
            provider = args.getOrDefault("provider", "offline");
        }

        @Override
        public Map<String, String> start() {
            try {
                telegram = new FakeTelegram(TOKEN, Set.of(Long.toString(OPERATOR)));
                torznab = new FakeTorznab(FakeTorznab.Refusal.HTTP_401);
                plex = new FakePlex();
                qbittorrent = new QbittorrentDaemon(dir(provider).resolve("qbittorrent"));
                System.getProperties().put("hearth.seed-test.telegram", telegram);
                System.getProperties().put("hearth.seed-test.torznab", torznab);
                System.getProperties().put("hearth.seed-test.plex", plex);
                String services = "["
                        + entry(
                                "qbittorrent",
                                "qbittorrent",
                                qbittorrent.url().toString(),
                                Map.of("username", QbittorrentDaemon.USER, "password", QbittorrentDaemon.PASSWORD))
                        + ", " + entry("jackett", "torznab", torznab.baseUrl(), torznab.credentials())
                        + ", " + entry("plex", "plex", plex.baseUrl(), plex.credentials()) + "]";
                Map<String, String> c = new HashMap<>();
                c.put("hearth.telegram_bot.api_base_url", telegram.url());
                c.put("hearth.services", services);
                if (provider.equals("anthropic")) {
                    anthropic = new FakeAnthropic(ANTHROPIC_KEY);
                    System.getProperties().put("hearth.seed-test.anthropic", anthropic);
                    c.put("hearth.assistant.provider", "anthropic");
                    c.put("hearth.assistant.model", "claude-test-1");
                    c.put("hearth.assistant.api_key", ANTHROPIC_KEY);
                    c.put("hearth.assistant.api_base_url", anthropic.url());
                    c.put("hearth.assistant.timeout", "5s");
                }
                return c;
            } catch (IOException e) {
                stop();
                throw new UncheckedIOException(e);
            }
        }

        private static String entry(String name, String kind, String url, Map<String, String> credentials) {
            StringBuilder creds = new StringBuilder("{");
            credentials.forEach((k, v) -> creds.append(creds.length() > 1 ? ", " : "")
                    .append('"')
                    .append(k)
                    .append("\": \"")
                    .append(v)
                    .append('"'));
            return "{\"name\": \"" + name + "\", \"url\": \"" + url + "\", \"integration\": \"" + kind
                    + "\", \"timeout\": \"5s\", \"credentials\": " + creds + "}}";
        }

        @Override
        public void stop() {
            if (telegram != null) telegram.close();
            if (qbittorrent != null) qbittorrent.close();
            if (torznab != null) torznab.close();
            if (plex != null) plex.close();
            if (anthropic != null) anthropic.close();
            for (String d : List.of("telegram", "torznab", "plex", "anthropic"))
                System.getProperties().remove("hearth.seed-test." + d);
        }
    }
}
