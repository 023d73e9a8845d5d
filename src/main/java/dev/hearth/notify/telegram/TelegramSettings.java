package dev.hearth.notify.telegram;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;
import java.util.List;

/** A telegram channel's block: the bot's token from @BotFather, the chats to send to, and the Bot API server. */
public record TelegramSettings(@Secret String botToken, List<String> chatIds, String apiBaseUrl) implements Validated {
    public TelegramSettings {
        botToken = botToken == null ? "" : botToken;
        chatIds = chatIds == null ? List.of() : List.copyOf(chatIds);
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.telegram.org" : apiBaseUrl;
    }

    @Override
    public void validate(Problems p) {
        p.check(
                botToken.matches("\\d+:[A-Za-z0-9_-]+"),
                "bot_token",
                "must be a bot token like 123456:ABC-def (from @BotFather)");
        p.check(!chatIds.isEmpty(), "chat_ids", "must name at least one chat id");
        chatIds.forEach(id -> p.check(
                id.matches("-?\\d+|@[A-Za-z0-9_]{5,}"),
                "chat_ids",
                "'" + id + "' is not a chat id (a number, or @channelname)"));
        p.httpUrl(apiBaseUrl, "api_base_url");
    }
}
