package dev.hearth.media.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.media.Availability;
import dev.hearth.media.RequestedMedia;
import dev.hearth.media.webhook.MediaWebhookEvent.Origin;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Overseerr's default webhook template as its agent fills it: every placeholder a string, absent objects null. */
class SeerrWebhookTest {
    private final MediaWebhooks webhooks = new MediaWebhooks(new ObjectMapper());

    private MediaWebhookEvent parse(String json) {
        return webhooks.parse(WebhookSource.OVERSEERR, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anApprovedRequestCarriesTheMediaAndTheRequestWithNumbersReadFromStrings() {
        MediaWebhookEvent e = parse("""
                {"notification_type":"MEDIA_APPROVED","event":"Movie Request Approved","subject":"Dune: Part Two (2024)",
                 "message":"Paul Atreides unites with Chani and the Fremen...","image":"https://image.tmdb.org/t/p/w600_and_h900_bestv2/x.jpg",
                 "media":{"media_type":"movie","tmdbId":"693134","tvdbId":"","status":"PENDING","status4k":"UNKNOWN"},
                 "request":{"request_id":"12","requestedBy_email":"alice@example.org","requestedBy_username":"alice",
                            "requestedBy_avatar":"/avatar.png","requestedBy_settings_discordId":"","requestedBy_settings_telegramChatId":""},
                 "issue":null,"comment":null,"extra":[]}
                """);

        assertEquals(
                new MediaWebhookEvent.RequestNotification(
                        new Origin("overseerr", "overseerr"),
                        "MEDIA_APPROVED",
                        "Dune: Part Two (2024)",
                        "Paul Atreides unites with Chani and the Fremen...",
                        RequestedMedia.MOVIE,
                        693134L,
                        Availability.PENDING,
                        12,
                        "alice"),
                e);
    }

    @Test
    void anAvailableSeriesSaysSo() {
        MediaWebhookEvent.RequestNotification n = (MediaWebhookEvent.RequestNotification) parse("""
                {"notification_type":"MEDIA_AVAILABLE","subject":"Severance (2022)","message":"",
                 "media":{"media_type":"tv","tmdbId":"95396","tvdbId":"371980","status":"AVAILABLE","status4k":"UNKNOWN"},
                 "request":{"request_id":"3","requestedBy_email":"bob@example.org","requestedBy_username":""},"extra":[]}
                """);

        assertEquals(RequestedMedia.TV, n.media());
        assertEquals(Availability.AVAILABLE, n.availability());
        assertEquals("bob@example.org", n.requestedBy(), "the e-mail when no user name is set");
    }

    @Test
    void theTestNotificationHasNoMediaAndNoRequest() {
        MediaWebhookEvent e = parse("""
                {"notification_type":"TEST_NOTIFICATION","event":"","subject":"Test Notification",
                 "message":"Check check, 1, 2, 3. Are we coming in clear?","image":"","media":null,"request":null,
                 "issue":null,"comment":null,"extra":[]}
                """);

        assertEquals(
                new MediaWebhookEvent.RequestNotification(
                        new Origin("overseerr", "overseerr"),
                        "TEST_NOTIFICATION",
                        "Test Notification",
                        "Check check, 1, 2, 3. Are we coming in clear?",
                        null,
                        null,
                        Availability.UNKNOWN,
                        null,
                        ""),
                e);
    }
}
