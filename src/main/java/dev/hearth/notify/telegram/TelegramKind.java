package dev.hearth.notify.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.notify.ChannelUrls;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.RateRule;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Telegram's limits from the Bot FAQ: about one message a second per chat, 20 a minute per group (negative
 * chat ids), 30 a second per bot; 25 keeps a margin for other bots of the same owner.
 */
public final class TelegramKind implements NotifierKind<TelegramSettings> {

    @Override
    public String type() {
        return "telegram";
    }

    @Override
    public String documentation() {
        return "a Telegram bot's messages to chats (bot_token, chat_ids); URL tgram://<bot token>/<chat id>[/<chat id>…]";
    }

    @Override
    public String setup() {
        return """
                Talk to @BotFather in Telegram: `/newbot` gives the bot's token (`bot_token`). Send your new bot a message
                (a bot cannot write first), then open `https://api.telegram.org/bot<token>/getUpdates`: the `chat.id` there
                is the `chat_ids` entry (a group's id starts with `-`; add the bot to the group first). Hearth keeps to
                Telegram's limits (one message a second per chat, 20 a minute per group, 30 a second in all) by queueing,
                never dropping.
                """;
    }

    @Override
    public Class<TelegramSettings> settings() {
        return TelegramSettings.class;
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
    public String limitKey(String channel, TelegramSettings settings) {
        String token = settings.botToken();
        return "bot" + token.substring(0, Math.max(0, token.indexOf(':')));
    }

    @Override
    public Notifier create(String channel, TelegramSettings t, KindContext context) {
        // The bot's own client when the chat bot runs with this token too: one client and one pace per bot. The outbox
        // retries with its own backoff.
        return new TelegramNotifier(
                TelegramApi.client(t.botToken(), t.apiBaseUrl(), context), t.chatIds(), context.json());
    }

    @Override
    public Set<String> schemes() {
        return Set.of("tgram");
    }

    /** Apprise's form: {@code tgram://<bot token>/<chat id>/<chat id>…}. */
    @Override
    public ObjectNode fromUrl(URI url) {
        List<String> chats = ChannelUrls.segments(url);
        if (chats.isEmpty())
            throw new IllegalArgumentException(
                    "a tgram:// URL needs a chat id after the token: tgram://<bot token>/<chat id>");
        ObjectNode block = ChannelUrls.block().put("bot_token", ChannelUrls.authority(url));
        chats.forEach(block.putArray("chat_ids")::add);
        return block;
    }
}
