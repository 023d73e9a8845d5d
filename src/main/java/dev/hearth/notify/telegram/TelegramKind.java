package dev.hearth.notify.telegram;

import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierContext;
import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.RateRule;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Telegram's limits from the Bot FAQ: about one message a second per chat, 20 a minute per group (negative
 * chat ids), 30 a second per bot; 25 keeps a margin for other bots of the same owner.
 */
@Singleton
public class TelegramKind implements NotifierKind {

    @Override
    public String type() {
        return "telegram";
    }

    @Override
    public List<RateRule> limits() {
        return List.of(
                new RateRule.Spacing(Duration.ofSeconds(1), RateRule.all()),
                new RateRule.PerDestination(20, Duration.ofMinutes(1), chat -> chat.startsWith("-")),
                new RateRule.Overall(25, Duration.ofSeconds(1)));
    }

    /** The bot's id, the public part of its token before the colon: Telegram's limits are per bot. */
    @Override
    public String limitKey(HearthConfig.Channel channel) {
        String token = channel.telegram().botToken();
        return "bot" + token.substring(0, Math.max(0, token.indexOf(':')));
    }

    @Override
    public Notifier create(HearthConfig.Channel channel, NotifierContext context) {
        HearthConfig.TelegramChannel t = channel.telegram();
        String base = t.apiBaseUrl().endsWith("/") ? t.apiBaseUrl() : t.apiBaseUrl() + "/";
        // No retry inside the stack: sendMessage is not idempotent, and the outbox retries with its own backoff.
        UpstreamSpec spec = UpstreamSpec.of("telegram:" + channel.name(), URI.create(base + "bot" + t.botToken() + "/"))
                .withRetry(RetryPolicy.none())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));
        return new TelegramNotifier(context.http().client(spec), t.chatIds(), context.json());
    }
}
