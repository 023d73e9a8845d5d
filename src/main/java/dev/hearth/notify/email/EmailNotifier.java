package dev.hearth.notify.email;

import dev.hearth.notify.Notification;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.Outcome;
import dev.hearth.notify.Texts;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One plain-text mail to every recipient over SMTP (Jakarta Mail on Angus). A 4xx reply or a lost connection is
 * retried by the outbox; refused credentials, a refused address or a missing STARTTLS are not.
 */
final class EmailNotifier implements Notifier {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final EmailSettings config;
    private final Session session;

    EmailNotifier(EmailSettings config) {
        this.config = config;
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", String.valueOf(config.port()));
        p.put("mail.smtp.auth", String.valueOf(!config.username().isEmpty()));
        // Required, not just enabled: a server that drops STARTTLS must not get the password in clear text.
        p.put("mail.smtp.starttls.enable", String.valueOf(config.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(config.starttls()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT.toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT.toMillis()));
        this.session = Session.getInstance(p);
    }

    @Override
    public List<String> destinations() {
        return List.of("mail");
    }

    @Override
    public Outcome send(String destination, Notification n, String part) {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(config.from(), true));
            for (String to : config.to()) m.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            m.setSubject(
                    "[Hearth] " + n.level().id().toUpperCase(java.util.Locale.ROOT) + ": "
                            + Texts.truncate(n.title(), 200),
                    "UTF-8");
            m.setText(Texts.plain(n) + "\n\n-- \nSource: " + n.source() + "\nTime: " + n.time() + "\n", "UTF-8");
            m.setSentDate(Date.from(n.time()));
            if (config.username().isEmpty()) {
                Transport.send(m);
            } else {
                Transport.send(m, config.username(), config.password());
            }
            return new Outcome.Sent();
        } catch (AuthenticationFailedException e) {
            return new Outcome.Permanent(
                    "the SMTP server refused the credentials (check email.username and email.password)");
        } catch (AddressException e) {
            return new Outcome.Permanent("bad address: " + e.getMessage());
        } catch (SMTPAddressFailedException e) {
            return byCode(e.getReturnCode(), "recipient refused: " + oneLine(String.valueOf(e.getMessage())));
        } catch (SMTPSendFailedException e) {
            return byCode(e.getReturnCode(), "send refused: " + oneLine(String.valueOf(e.getMessage())));
        } catch (MessagingException e) {
            String m = oneLine(String.valueOf(e.getMessage()));
            if (m.contains("STARTTLS"))
                return new Outcome.Permanent(m + " (turn email.starttls off only for a server on this machine)");
            return new Outcome.Transient(m
                    + (e.getCause() == null
                            ? ""
                            : " (" + e.getCause().getClass().getSimpleName() + ")"));
        }
    }

    private static Outcome byCode(int code, String reason) {
        return code >= 400 && code < 500 ? new Outcome.Transient(reason) : new Outcome.Permanent(reason);
    }

    private static String oneLine(String s) {
        return Texts.truncate(s.replaceAll("\\s+", " ").strip(), 300);
    }
}
