import dev.hearth.fakes.FakeTelegram;
import dev.hearth.fakes.media.FakeMediaService;
import dev.hearth.fakes.media.MediaDoubles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For bench/budget.sh: the doubles of the services that cannot run here (ten media services and the Telegram Bot
 * API), from src/test, on loopback. Writes two YAML fragments, the media {@code services:} entries (without the
 * {@code services:} line, so the script can append its own) and the {@code telegram_bot:} block, then serves
 * until stopped. Run on the test class path: java -cp … bench/BudgetDoubles.java services.yml bot.yml
 */
public class BudgetDoubles {
    private static final List<String> KINDS = List.of(
            "plex", "plex", "jellyfin", "emby", "sonarr", "radarr", "prowlarr", "torznab", "overseerr", "tautulli");
    private static final String TOKEN = "424242:AAH-budget_token_0123456789";

    public static void main(String[] args) throws Exception {
        List<FakeMediaService> started = new ArrayList<>();
        StringBuilder services = new StringBuilder();
        for (int i = 0; i < KINDS.size(); i++) {
            String kind = KINDS.get(i);
            FakeMediaService fake = MediaDoubles.start(kind);
            started.add(fake);
            String credentials = fake.credentials().entrySet().stream()
                    .map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                    .collect(Collectors.joining(", ", "{ ", " }"));
            services.append("  - { name: ")
                    .append(kind)
                    .append(i)
                    .append(", url: \"")
                    .append(fake.baseUrl())
                    .append("\", integration: ")
                    .append(kind)
                    .append(", group: Media, credentials: ")
                    .append(credentials)
                    .append(" }\n");
        }
        FakeTelegram telegram = new FakeTelegram(TOKEN, Set.of("3001"));
        String bot = "telegram_bot:\n  enabled: true\n  bot_token: \"" + TOKEN + "\"\n  api_base_url: \""
                + telegram.url() + "\"\n  poll_timeout: 25s\n  users: [{id: \"3001\", role: operator}]\n";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(FakeMediaService::close)));
        Files.writeString(Path.of(args[0]), services.toString());
        Files.writeString(Path.of(args[1]), bot);
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
