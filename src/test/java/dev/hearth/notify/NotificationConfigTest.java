package dev.hearth.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.notify.telegram.TelegramSettings;
import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.SettingsBinding;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.util.List;
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
        dev.hearth.notify.ChannelConfig c = config(
                        "[{\"name\":\"phone\",\"type\":\"telegram\",\"min_level\":\"warning\","
                                + "\"quiet_hours\":{\"start\":\"22:00\",\"end\":\"07:00\",\"timezone\":\"Europe/Berlin\"},"
                                + "\"telegram\":{\"bot_token\":\"123:abc-DEF\",\"chat_ids\":[\"42\",\"-100\"]}}]")
                .current()
                .section(NotificationsConfig.class)
                .channels()
                .getFirst();
        TelegramSettings t = SettingsBinding.bind(c.block(), TelegramSettings.class, "t");
        assertEquals("https://api.telegram.org", t.apiBaseUrl());
        assertEquals(List.of("42", "-100"), t.chatIds());
        assertEquals("warning", c.minLevel());
        assertTrue(c.quietHours().enabled());
        assertEquals(
                java.time.Duration.ofMinutes(5),
                config("[]").current().section(NotificationsConfig.class).dedupWindow());
    }

    @Test
    void everyProblemIsNamedWithItsKey() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> config("[{\"name\":\"Bad Name\",\"type\":\"pager\"},"
                        + "{\"name\":\"t\",\"type\":\"telegram\",\"min_level\":\"loud\",\"quiet_hours\":{\"start\":\"25:00\",\"end\":\"07:00\"},"
                        + "\"telegram\":{\"bot_token\":\"nope\"}},{\"name\":\"m\",\"type\":\"email\"}]"));
        String all = String.join("\n", e.problems());
        for (String key : new String[] {
            "notifications.channels[0].name",
            "notifications.channels[0].type",
            "notifications.channels[1].min_level",
            "notifications.channels[1].quiet_hours.start",
            "notifications.channels[1].telegram.bot_token",
            "notifications.channels[1].telegram.chat_ids",
            "notifications.channels[2].email.host",
            "notifications.channels[2].email.to"
        }) {
            assertTrue(all.contains(key + ":"), key + " missing from:\n" + all);
        }
        assertFalse(all.contains("nope"), "a secret value is never quoted back");
    }

    @Test
    void theConfigViewRedactsEverySecret() {
        String view = config(
                        "[{\"name\":\"t\",\"type\":\"telegram\",\"telegram\":{\"bot_token\":\"123:tg-SECRET\",\"chat_ids\":[\"1\"]}},"
                                + "{\"name\":\"d\",\"type\":\"discord\",\"discord\":{\"webhook_url\":\"https://discord.com/api/webhooks/1/dc-SECRET\"}},"
                                + "{\"name\":\"w\",\"type\":\"webhook\",\"webhook\":{\"url\":\"http://h/x\",\"hmac_secret\":\"wh-SECRET\"}},"
                                + "{\"name\":\"n\",\"type\":\"ntfy\",\"ntfy\":{\"topic\":\"a\",\"token\":\"tk_SECRET\"}},"
                                + "{\"name\":\"g\",\"type\":\"gotify\",\"gotify\":{\"url\":\"http://g\",\"token\":\"go-SECRET\"}},"
                                + "{\"name\":\"m\",\"type\":\"email\",\"email\":{\"host\":\"smtp\",\"from\":\"a@b\",\"to\":[\"c@d\"],\"password\":\"pw-SECRET\"}}]")
                .redactedView()
                .toString();
        assertFalse(view.contains("SECRET"), view);
        assertTrue(view.contains("********"));
    }

    @Test
    void aChannelCanBeOneAppriseStyleUrlReadIntoItsKindsBlock() {
        NotificationsConfig n = config(
                        "[{\"name\":\"phone\",\"url\":\"tgram://123456:ABC-def/42/-100\",\"min_level\":\"warning\"},"
                                + "{\"name\":\"topic\",\"url\":\"ntfys://tk_token@ntfy.example.org/alerts\"},"
                                + "{\"name\":\"home\",\"url\":\"gotify://192.168.1.5:8070/sub/AppToken\"},"
                                + "{\"name\":\"dc\",\"url\":\"discord://1234/webhook-token\"},"
                                + "{\"name\":\"mail\",\"url\":\"mailtos://me:pw@smtp.example.org:587?to=a@example.org,b@example.org\"},"
                                + "{\"name\":\"hook\",\"url\":\"jsons://hooks.example.org/hearth?x=1\"}]")
                .current()
                .section(NotificationsConfig.class);
        ChannelConfig phone = n.channels().get(0);
        assertEquals("telegram", phone.type());
        TelegramSettings t = SettingsBinding.bind(phone.block(), TelegramSettings.class, "t");
        assertEquals("123456:ABC-def", t.botToken());
        assertEquals(List.of("42", "-100"), t.chatIds());
        assertEquals("warning", phone.minLevel());
        var ntfy = SettingsBinding.bind(n.channels().get(1).block(), dev.hearth.notify.ntfy.NtfySettings.class, "n");
        assertEquals(
                List.of("https://ntfy.example.org", "alerts", "tk_token"),
                List.of(ntfy.url(), ntfy.topic(), ntfy.token()));
        var gotify =
                SettingsBinding.bind(n.channels().get(2).block(), dev.hearth.notify.gotify.GotifySettings.class, "g");
        assertEquals(List.of("http://192.168.1.5:8070/sub", "AppToken"), List.of(gotify.url(), gotify.token()));
        var discord =
                SettingsBinding.bind(n.channels().get(3).block(), dev.hearth.notify.discord.DiscordSettings.class, "d");
        assertEquals("https://discord.com/api/webhooks/1234/webhook-token", discord.webhookUrl());
        var mail = SettingsBinding.bind(n.channels().get(4).block(), dev.hearth.notify.email.EmailSettings.class, "m");
        assertEquals(
                List.of("smtp.example.org", "me", "pw", "me@smtp.example.org"),
                List.of(mail.host(), mail.username(), mail.password(), mail.from()));
        assertEquals(List.of("a@example.org", "b@example.org"), mail.to());
        assertTrue(mail.starttls());
        var hook =
                SettingsBinding.bind(n.channels().get(5).block(), dev.hearth.notify.webhook.WebhookSettings.class, "w");
        assertEquals("https://hooks.example.org/hearth?x=1", hook.url());
    }

    @Test
    void aUrlWithAnUnknownSchemeOrBesideABlockIsNamedWithoutQuotingIt() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> config(
                        "[{\"name\":\"a\",\"url\":\"pager://SECRET@x/1\"},"
                                + "{\"name\":\"b\",\"url\":\"tgram://1:SECRET/2\",\"telegram\":{\"bot_token\":\"1:SECRET\",\"chat_ids\":[\"2\"]}}]"));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("notifications.channels[0].url: unknown scheme 'pager'"), all);
        assertTrue(
                all.contains(
                        "notifications.channels[1].url: give the channel either a url or a telegram block, not both"),
                all);
        assertFalse(all.contains("SECRET"), all);
    }

    @Test
    void aKindsSettingsAreCheckedAgainstItsRecordAndReachableByEnvironment() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> config("[{\"name\":\"n\",\"type\":\"ntfy\",\"ntfy\":{\"topik\":\"x\"}},"
                        + "{\"name\":\"w\",\"type\":\"webhook\",\"webhook\":{\"url\":\"http://h/x\"},\"gotify\":{}}]"));
        String all = String.join("\n", e.problems());
        assertTrue(
                all.contains("notifications.channels[0].ntfy.topik: unknown key (known keys here: token, topic, url)"),
                all);
        assertTrue(all.contains("notifications.channels[1].gotify: unknown key"), all);

        ChannelConfig c = TestConfig.with(
                        dir,
                        java.util.Map.of(
                                "hearth.notifications.channels",
                                "[{\"name\":\"t\",\"type\":\"telegram\",\"telegram\":{\"chat_ids\":[\"1\"]}}]",
                                "hearth.notifications.channels.0.telegram.bot_token",
                                "99:from-the-environment"))
                .current()
                .section(NotificationsConfig.class)
                .channels()
                .getFirst();
        assertEquals(
                "99:from-the-environment",
                SettingsBinding.bind(c.block(), TelegramSettings.class, "t").botToken());
    }
}
