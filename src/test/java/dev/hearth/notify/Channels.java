package dev.hearth.notify;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.platform.config.SettingsBinding;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.KindContext;
import dev.hearth.platform.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Channel configs and services for tests that run without Quarkus, with the kinds of the registry. */
public final class Channels {
    public static final JsonMapper JSON =
            JsonMapper.builder().findAndAddModules().build();

    private Channels() {}

    /** A channel of {@code type} whose block is {@code settings} (the kind's record), as hearth.yml would give it. */
    public static ChannelConfig of(
            String name, String type, String minLevel, List<String> sources, QuietHours quiet, Record settings) {
        return new ChannelConfig(
                name, type, "", minLevel, sources, quiet, Map.of(type, SettingsBinding.tree(settings)));
    }

    public static ChannelConfig of(String name, String type, Record settings) {
        return of(name, type, "info", List.of(), null, settings);
    }

    public static NotificationService service(
            Database db, HttpStack http, Clock clock, Duration dedup, ChannelConfig... channels) {
        return new NotificationService(
                db,
                new NotificationsConfig(dedup, List.of(channels)),
                NotifierKinds.load(),
                new KindContext(http, JSON, clock, dev.hearth.testing.Targets::defaults),
                clock);
    }
}
