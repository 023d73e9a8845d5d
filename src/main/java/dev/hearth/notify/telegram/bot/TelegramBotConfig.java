package dev.hearth.notify.telegram.bot;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.RestartRequired;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;
import dev.hearth.platform.security.Role;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code telegram_bot} section (docs/configuration.md, "Telegram bot"): who may talk to the bot and with which
 * Hearth role, and how updates arrive. Nobody is allowed by default: an empty allow-list means a bot that answers
 * no one. Read at start (the poller is made then), hence restart.
 *
 * @param users Telegram user ids and the role each acts with
 * @param chats chat ids (a group: negative) whose every member acts with the chat's role, unless listed in users
 */
@RestartRequired
public record TelegramBotConfig(
        boolean enabled,
        @Secret String botToken,
        String apiBaseUrl,
        String mode,
        String publicUrl,
        @Secret String secretToken,
        Duration pollTimeout,
        long maxTorrentBytes,
        List<Member> users,
        List<Member> chats)
        implements Validated {

    /** A Telegram user or chat id and the Hearth role it acts with. */
    public record Member(String id, Role role) {
        public Member {
            id = id == null ? "" : id.trim();
            role = role == null ? Role.VIEWER : role;
        }
    }

    public TelegramBotConfig {
        botToken = botToken == null ? "" : botToken;
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.telegram.org" : apiBaseUrl;
        mode = mode == null || mode.isBlank() ? "polling" : mode;
        publicUrl = publicUrl == null ? "" : publicUrl;
        secretToken = secretToken == null ? "" : secretToken;
        pollTimeout = pollTimeout == null ? Duration.ofSeconds(25) : pollTimeout;
        users = users == null ? List.of() : List.copyOf(users);
        chats = chats == null ? List.of() : List.copyOf(chats);
    }

    public boolean webhook() {
        return mode.equals("webhook");
    }

    /** The role a message acts with: the user's own when listed, else its chat's; empty for a stranger. */
    public Optional<Role> roleOf(String userId, String chatId) {
        Optional<Role> user = users.stream()
                .filter(m -> m.id().equals(userId))
                .map(Member::role)
                .findFirst();
        if (user.isPresent()) return user;
        return chats.stream()
                .filter(m -> m.id().equals(chatId))
                .map(Member::role)
                .findFirst();
    }

    @Override
    public void validate(Problems p) {
        if (!enabled) return;
        p.check(
                botToken.matches("\\d+:[A-Za-z0-9_-]+"),
                "bot_token",
                "must be a bot token like 123456:ABC-def (from @BotFather)");
        p.check(mode.equals("polling") || mode.equals("webhook"), "mode", "must be polling or webhook");
        p.httpUrl(apiBaseUrl, "api_base_url");
        p.check(
                !pollTimeout.isNegative() && pollTimeout.compareTo(Duration.ofSeconds(50)) <= 0,
                "poll_timeout",
                "must be between 0s and 50s");
        p.check(maxTorrentBytes > 0, "max_torrent_bytes", "must be positive");
        if (webhook()) {
            p.check(
                    publicUrl.startsWith("https://") || publicUrl.startsWith("http://127.0.0.1"),
                    "public_url",
                    "must be Hearth's public https:// address when mode is webhook (Telegram calls it)");
            p.check(
                    Problems.isHttpUrl(publicUrl) && URI.create(publicUrl).getRawQuery() == null,
                    "public_url",
                    "must be an http(s) URL without a query");
            // Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and -.
            p.check(
                    secretToken.matches("[A-Za-z0-9_-]{16,256}"),
                    "secret_token",
                    "must be 16 to 256 characters of A-Z, a-z, 0-9, _ and - when mode is webhook");
        }
        users.forEach(m -> p.check(m.id().matches("\\d+"), "users", "'" + m.id() + "' is not a Telegram user id"));
        chats.forEach(m -> p.check(m.id().matches("-?\\d+"), "chats", "'" + m.id() + "' is not a chat id"));
    }
}
