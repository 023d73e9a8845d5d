package dev.hearth.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.Outcome;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email channel against a real SMTP server (GreenMail) that demands authentication. */
class EmailNotifierTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("hearth@home.lan", "hearth", "mail-pass-1"));

    private static dev.hearth.notify.email.EmailSettings config(String password, boolean starttls) {
        return new dev.hearth.notify.email.EmailSettings(
                "127.0.0.1",
                SMTP.getSmtp().getPort(),
                "hearth",
                password,
                "hearth@home.lan",
                List.of("me@home.lan", "partner@home.lan"),
                starttls);
    }

    private static final Notification ALERT = new Notification(
            Level.CRITICAL,
            "Disk /srv is 99% full — act now",
            "Free: 120 MB\n.\nA line with a lone dot.",
            "monitoring",
            "",
            Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void aNotificationArrivesAsOneMailToEveryRecipient() throws Exception {
        Outcome o = new EmailNotifier(config("mail-pass-1", false)).send("mail", ALERT, "");
        assertInstanceOf(Outcome.Sent.class, o);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient mailbox");
        assertEquals("[Hearth] CRITICAL: Disk /srv is 99% full — act now", received[0].getSubject());
        String body = GreenMailUtil.getBody(received[0]);
        assertTrue(body.contains("A line with a lone dot."), body);
        assertEquals("hearth@home.lan", received[0].getFrom()[0].toString());
    }

    @Test
    void aWrongPasswordIsAPermanentFailureThatDoesNotQuoteIt() {
        Outcome o = new EmailNotifier(config("wrong-pass-9", false)).send("mail", ALERT, "");
        Outcome.Permanent p = assertInstanceOf(Outcome.Permanent.class, o);
        assertTrue(p.reason().contains("refused the credentials"), p.reason());
        assertTrue(!p.reason().contains("wrong-pass-9"));
    }

    @Test
    void aServerWithoutStarttlsIsRefusedWhenStarttlsIsRequired() {
        Outcome o = new EmailNotifier(config("mail-pass-1", true)).send("mail", ALERT, "");
        assertInstanceOf(Outcome.Permanent.class, o);
        assertEquals(0, SMTP.getReceivedMessages().length, "the password never went over a plain connection");
    }

    @Test
    void anUnreachableServerIsRetriedLater() {
        dev.hearth.notify.email.EmailSettings c = new dev.hearth.notify.email.EmailSettings(
                "127.0.0.1", 1, "", "", "hearth@home.lan", List.of("me@home.lan"), false);
        assertInstanceOf(Outcome.Transient.class, new EmailNotifier(c).send("mail", ALERT, ""));
    }
}
