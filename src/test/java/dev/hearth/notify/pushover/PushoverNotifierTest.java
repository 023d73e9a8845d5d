package dev.hearth.notify.pushover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.FakePushover;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierKinds;
import dev.hearth.notify.Outcome;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.SettingsBinding;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pushover kind through the registry, against a double of Pushover's Message API. */
class PushoverNotifierTest {
    private static final String TOKEN = "azGDORePK8gMaC0QOYAMyEEuzJnyUi";
    private static final String USER = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";
    private static final Notification DISK = new Notification(
            Level.ERROR,
            "Disk /srv 97%",
            "The disk /srv is nearly full.",
            "monitoring",
            "disk:/srv",
            Instant.parse("2026-12-03T10:00:00Z"));

    private static Notifier notifier(HttpStack stack, PushoverSettings settings) {
        NotifierKinds kinds = NotifierKinds.load();
        return kinds.make(
                        new dev.hearth.notify.ChannelConfig(
                                "phone",
                                "pushover",
                                "",
                                "info",
                                java.util.List.of(),
                                null,
                                Map.of("pushover", SettingsBinding.tree(settings))),
                        Targets.context(stack))
                .notifier();
    }

    @Test
    void aNotificationIsOneFormPostWithTheKeysInTheBodyAndAPriorityPerLevel() throws Exception {
        try (FakePushover pushover = new FakePushover(TOKEN, USER);
                HttpStack stack = Targets.stack()) {
            Notifier n = notifier(stack, new PushoverSettings(TOKEN, USER, "pixel", pushover.api()));

            Outcome o = n.send("pixel", DISK, n.render(DISK).getFirst());

            assertInstanceOf(Outcome.Sent.class, o);
            Map<String, String> sent = pushover.messages.getFirst();
            assertEquals("Disk /srv 97%", sent.get("title"));
            assertEquals("The disk /srv is nearly full.", sent.get("message"));
            assertEquals("1", sent.get("priority"));
            assertEquals("pixel", sent.get("device"));
            assertEquals(
                    String.valueOf(DISK.time().getEpochSecond()),
                    sent.get("timestamp"),
                    "the time of the event, not of the send");
            assertEquals(null, pushover.requests.getFirst().query(), "no key in the URL");
        }
    }

    @Test
    void aLongMessageIsCutToPushoversLimitAndInfoIsQuiet() throws Exception {
        try (FakePushover pushover = new FakePushover(TOKEN, USER);
                HttpStack stack = Targets.stack()) {
            Notifier n = notifier(stack, new PushoverSettings(TOKEN, USER, "", pushover.api()));
            Notification longInfo =
                    new Notification(Level.INFO, "Backup done", "x".repeat(5000), "backups", "b", Instant.now());

            assertInstanceOf(
                    Outcome.Sent.class,
                    n.send(
                            n.destinations().getFirst(),
                            longInfo,
                            n.render(longInfo).getFirst()));

            assertEquals(1024, pushover.messages.getFirst().get("message").length());
            assertEquals("-1", pushover.messages.getFirst().get("priority"));
            assertFalse(pushover.messages.getFirst().containsKey("device"), "no device: all of the user's devices");
        }
    }

    @Test
    void aRefusedKeyIsAPermanentFailureSayingWhatToCheckWithoutTheKey() throws Exception {
        try (FakePushover pushover = new FakePushover(TOKEN, USER);
                HttpStack stack = Targets.stack()) {
            String wrong = "WrongWrongWrongWrongWrongWrong";
            Notifier n = notifier(stack, new PushoverSettings(TOKEN, wrong, "", pushover.api()));

            Outcome o = n.send("all devices", DISK, "x");

            Outcome.Permanent p = assertInstanceOf(Outcome.Permanent.class, o);
            assertTrue(
                    p.reason().contains("user identifier is not a valid user")
                            && p.reason().contains("pushover.user_key"),
                    p.reason());
            assertFalse(p.reason().contains(wrong) || p.reason().contains(TOKEN), p.reason());
        }
    }

    @Test
    void theAppriseUrlAndTheSettingsChecks() {
        var block = new PushoverKind().fromUrl(URI.create("pover://" + USER + "@" + TOKEN + "/pixel"));
        PushoverSettings s = SettingsBinding.bind(block, PushoverSettings.class, "p");
        assertEquals(USER, s.userKey());
        assertEquals(TOKEN, s.token());
        assertEquals("pixel", s.device());
        Problems problems = new Problems();
        new PushoverSettings("short", USER, "", "").validate(problems);
        assertEquals(1, problems.list().size(), problems.list().toString());
        assertTrue(
                problems.list().getFirst().startsWith("token: "),
                problems.list().toString());
    }
}
