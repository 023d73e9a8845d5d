package dev.hearth.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.notify.telegram.TelegramSettings;
import dev.hearth.platform.config.SettingsBinding;
import java.util.List;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifications section binds, is checked with every problem named, and never shows its secrets. */
class NotificationConfigTest {
    @TempDir
    Path dir;

    private ConfigService config(String channelsJson) {
        return TestConfig.with(dir, Map.of("hearth.notifications.channels", channelsJson));
    }

    @Test
    void aTelegramChannelBindsWithDefaults() {
        dev.hearth.notify.ChannelConfig c = config("[{\"name\":\"phone\",\"type\":\"telegram\",\"min_level\":\"warning\","
                + "\"quiet_hours\":{\"start\":\"22:00\",\"end\":\"07:00\",\"timezone\":\"Europe/Berlin\"},"
                + "\"telegram\":{\"bot_token\":\"123:abc-DEF\",\"chat_ids\":[\"42\",\"-100\"]}}]").current()
                .section(NotificationsConfig.class).channels().getFirst();
        TelegramSettings t = SettingsBinding.bind(c.block(), TelegramSettings.class, "t");
        assertEquals("https://api.telegram.org", t.apiBaseUrl());
        assertEquals(List.of("42", "-100"), t.chatIds());
        assertEquals("warning", c.minLevel());
        assertTrue(c.quietHours().enabled());
        assertEquals(java.time.Duration.ofMinutes(5), config("[]").current().section(NotificationsConfig.class).dedupWindow());
    }

    @Test
    void everyProblemIsNamedWithItsKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> config("[{\"name\":\"Bad Name\",\"type\":\"pager\"},"
                + "{\"name\":\"t\",\"type\":\"telegram\",\"min_level\":\"loud\",\"quiet_hours\":{\"start\":\"25:00\",\"end\":\"07:00\"},"
                + "\"telegram\":{\"bot_token\":\"nope\"}},{\"name\":\"m\",\"type\":\"email\"}]"));
        String all = String.join("\n", e.problems());
        for (String key : new String[] {"notifications.channels[0].name", "notifications.channels[0].type", "notifications.channels[1].min_level",
                "notifications.channels[1].quiet_hours.start", "notifications.channels[1].telegram.bot_token",
                "notifications.channels[1].telegram.chat_ids", "notifications.channels[2].email.host", "notifications.channels[2].email.to"}) {
            assertTrue(all.contains(key + ":"), key + " missing from:\n" + all);
        }
        assertFalse(all.contains("nope"), "a secret value is never quoted back");
    }

    @Test
    void theConfigViewRedactsEverySecret() {
        String view = config("[{\"name\":\"t\",\"type\":\"telegram\",\"telegram\":{\"bot_token\":\"123:tg-SECRET\",\"chat_ids\":[\"1\"]}},"
                + "{\"name\":\"d\",\"type\":\"discord\",\"discord\":{\"webhook_url\":\"https://discord.com/api/webhooks/1/dc-SECRET\"}},"
                + "{\"name\":\"w\",\"type\":\"webhook\",\"webhook\":{\"url\":\"http://h/x\",\"hmac_secret\":\"wh-SECRET\"}},"
                + "{\"name\":\"n\",\"type\":\"ntfy\",\"ntfy\":{\"topic\":\"a\",\"token\":\"tk_SECRET\"}},"
                + "{\"name\":\"g\",\"type\":\"gotify\",\"gotify\":{\"url\":\"http://g\",\"token\":\"go-SECRET\"}},"
                + "{\"name\":\"m\",\"type\":\"email\",\"email\":{\"host\":\"smtp\",\"from\":\"a@b\",\"to\":[\"c@d\"],\"password\":\"pw-SECRET\"}}]")
                .redactedView().toString();
        assertFalse(view.contains("SECRET"), view);
        assertTrue(view.contains("********"));
    }
}
