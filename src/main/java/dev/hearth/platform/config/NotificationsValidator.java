package dev.hearth.platform.config;

import static dev.hearth.platform.config.ConfigValidator.check;
import static dev.hearth.platform.config.ConfigValidator.isHttpUrl;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code notifications} section's rules: each channel names its type and has that type's settings. */
final class NotificationsValidator {
    private static final Set<String> TYPES = Set.of("telegram", "ntfy", "gotify", "discord", "email", "webhook");
    private static final Set<String> LEVELS = Set.of("info", "warning", "error", "critical");

    private NotificationsValidator() {}

    static void validate(HearthConfig.Notifications n, List<String> p) {
        check(p, !n.dedupWindow().isNegative(), "notifications.dedup_window", "must not be negative (0 turns collapsing off)");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < n.channels().size(); i++) {
            HearthConfig.Channel ch = n.channels().get(i);
            String key = "notifications.channels[" + i + "]";
            if (!ch.name().matches("[a-z0-9][a-z0-9_-]{0,62}")) {
                p.add(key + ".name: must be lower-case letters, digits, - or _ (got '" + ch.name() + "')");
            } else {
                check(p, names.add(ch.name()), key + ".name", "'" + ch.name() + "' is used twice");
            }
            check(p, LEVELS.contains(ch.minLevel()), key + ".min_level", "must be info, warning, error or critical");
            quietHours(ch.quietHours(), key + ".quiet_hours", p);
            if (!TYPES.contains(ch.type())) {
                p.add(key + ".type: must be one of " + String.join(", ", TYPES.stream().sorted().toList()) + " (got '" + ch.type() + "')");
                continue;
            }
            String t = key + "." + ch.type();
            switch (ch.type()) {
                case "telegram" -> {
                    check(p, ch.telegram().botToken().matches("\\d+:[A-Za-z0-9_-]+"), t + ".bot_token", "must be a bot token like 123456:ABC-def (from @BotFather)");
                    check(p, !ch.telegram().chatIds().isEmpty(), t + ".chat_ids", "must name at least one chat id");
                    ch.telegram().chatIds().forEach(id -> check(p, id.matches("-?\\d+|@[A-Za-z0-9_]{5,}"), t + ".chat_ids",
                            "'" + id + "' is not a chat id (a number, or @channelname)"));
                    check(p, isHttpUrl(ch.telegram().apiBaseUrl()), t + ".api_base_url", "must be an http:// or https:// URL");
                }
                case "ntfy" -> {
                    check(p, isHttpUrl(ch.ntfy().url()), t + ".url", "must be an http:// or https:// URL");
                    check(p, ch.ntfy().topic().matches("[-_A-Za-z0-9]{1,64}"), t + ".topic", "must be 1 to 64 letters, digits, - or _");
                }
                case "gotify" -> {
                    check(p, isHttpUrl(ch.gotify().url()), t + ".url", "must be an http:// or https:// URL");
                    check(p, !ch.gotify().token().isEmpty(), t + ".token", "must be an application token");
                }
                // The URL is secret: the message never repeats it.
                case "discord" -> check(p, isHttpUrl(ch.discord().webhookUrl()), t + ".webhook_url", "must be an http:// or https:// webhook URL");
                case "email" -> {
                    check(p, !ch.email().host().isEmpty(), t + ".host", "must name the SMTP server");
                    check(p, ch.email().port() >= 1 && ch.email().port() <= 65535, t + ".port", "must be between 1 and 65535");
                    check(p, ch.email().from().contains("@"), t + ".from", "must be an address");
                    check(p, !ch.email().to().isEmpty() && ch.email().to().stream().allMatch(a -> a.contains("@")), t + ".to",
                            "must list at least one address");
                }
                default -> check(p, isHttpUrl(ch.webhook().url()), t + ".url", "must be an http:// or https:// URL");
            }
        }
    }

    private static void quietHours(HearthConfig.QuietHours q, String key, List<String> p) {
        if (q.start().isEmpty() && q.end().isEmpty()) return;
        check(p, isTime(q.start()), key + ".start", "must be a time like 22:00");
        check(p, isTime(q.end()), key + ".end", "must be a time like 07:00");
        if (!q.timezone().isEmpty()) {
            try {
                ZoneId.of(q.timezone());
            } catch (DateTimeException e) {
                p.add(key + ".timezone: '" + q.timezone() + "' is not a time zone like Europe/Berlin");
            }
        }
    }

    private static boolean isTime(String s) {
        try {
            LocalTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
