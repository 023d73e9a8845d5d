import dev.hearth.fakes.FakeTelegram;
import dev.hearth.fakes.media.FakeMediaService;
import dev.hearth.fakes.media.MediaDoublesMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * For bench/budget.sh: the doubles of the services that cannot run here (ten media services and the Telegram Bot
 * API), from src/test, on loopback. Writes two YAML fragments, the media {@code services:} entries (without the
 * {@code services:} line, so the script can append its own) and the {@code telegram_bot:} block, then serves
 * until stopped. Run on the test class path: java -cp … bench/BudgetDoubles.java services.yml bot.yml
 */
public class BudgetDoubles {
    private static final String TOKEN = "424242:AAH-budget_token_0123456789";

    public static void main(String[] args) throws Exception {
        List<FakeMediaService> started = new ArrayList<>();
        String services = MediaDoublesMain.startAll(started);
        FakeTelegram telegram = new FakeTelegram(TOKEN, Set.of("3001"));
        String bot = "telegram_bot:\n  enabled: true\n  bot_token: \"" + TOKEN + "\"\n  api_base_url: \""
                + telegram.url() + "\"\n  poll_timeout: 25s\n  users: [{id: \"3001\", role: operator}]\n";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(FakeMediaService::close)));
        Files.writeString(Path.of(args[0]), services);
        Files.writeString(Path.of(args[1]), bot);
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
