package dev.hearth.notify;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.notify.discord.DiscordKind;
import dev.hearth.notify.email.EmailKind;
import dev.hearth.notify.gotify.GotifyKind;
import dev.hearth.notify.ntfy.NtfyKind;
import dev.hearth.notify.telegram.TelegramKind;
import dev.hearth.notify.webhook.WebhookKind;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Channel configs and services for tests that run without Quarkus. */
public final class Channels {
    public static final List<NotifierKind> KINDS = List.of(new TelegramKind(), new NtfyKind(), new GotifyKind(), new DiscordKind(),
            new EmailKind(), new WebhookKind());
    public static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private Channels() {}

    public static HearthConfig.Channel of(String name, String type, String minLevel, List<String> sources, HearthConfig.QuietHours quiet,
                                          Object settings) {
        return new HearthConfig.Channel(name, type, minLevel, sources, quiet,
                settings instanceof HearthConfig.TelegramChannel t ? t : null,
                settings instanceof HearthConfig.NtfyChannel n ? n : null,
                settings instanceof HearthConfig.GotifyChannel g ? g : null,
                settings instanceof HearthConfig.DiscordChannel d ? d : null,
                settings instanceof HearthConfig.EmailChannel e ? e : null,
                settings instanceof HearthConfig.WebhookChannel w ? w : null);
    }

    public static HearthConfig.Channel of(String name, String type, Object settings) {
        return of(name, type, "info", List.of(), null, settings);
    }

    public static NotificationService service(Database db, HttpStack http, Clock clock, Duration dedup, HearthConfig.Channel... channels) {
        return new NotificationService(db, new HearthConfig.Notifications(dedup, List.of(channels)), KINDS,
                new NotifierContext(http, JSON, clock), clock);
    }
}
