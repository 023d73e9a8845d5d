package dev.hearth.media.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaType;
import dev.hearth.media.webhook.MediaWebhookEvent.Origin;
import dev.hearth.media.webhook.MediaWebhookEvent.Playback.Action;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Jellyfin webhook plugin's generic destination with "Send All Properties": its data object (DataObjectHelpers) as JSON. */
class JellyfinWebhookTest {
    private final MediaWebhooks webhooks = new MediaWebhooks(new ObjectMapper());

    private MediaWebhookEvent parse(String json) {
        return webhooks.parse(WebhookSource.JELLYFIN, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void playbackStartOfAnEpisodeNamesTheUserTheClientAndTheEpisode() {
        MediaWebhookEvent e = parse("""
                {"ServerId":"5b0b5b1e9a9e4c3d","ServerName":"hearth-media","ServerVersion":"10.10.3","ServerUrl":"http://jellyfin.lan:8096",
                 "NotificationType":"PlaybackStart","Timestamp":"2026-12-03T09:00:00.0000000+01:00","UtcTimestamp":"2026-12-03T08:00:00.0000000Z",
                 "Name":"Home","Overview":"","Tagline":"","ItemId":"a1b2","ItemType":"Episode","RunTimeTicks":26400000000,"RunTime":"00:44:00",
                 "Year":2017,"SeriesName":"The Expanse","SeriesId":"c3d4","SeasonId":"e5f6","SeasonNumber":2,"SeasonNumber00":"02",
                 "SeasonNumber000":"002","EpisodeNumber":5,"EpisodeNumber00":"05","EpisodeNumber000":"005","Provider_tvdb":"5921451",
                 "PlaybackPositionTicks":0,"PlaybackPosition":"00:00:00","MediaSourceId":"a1b2","IsPaused":false,"IsAutomated":false,
                 "DeviceId":"d-bob","DeviceName":"Pixel 8","ClientName":"Jellyfin Android","NotificationUsername":"bob","UserId":"u-bob",
                 "PlayMethod":"DirectPlay"}
                """);

        assertEquals(
                new MediaWebhookEvent.Playback(
                        new Origin("jellyfin", "hearth-media"),
                        Action.PLAY,
                        "bob",
                        "Jellyfin Android on Pixel 8",
                        new MediaItem("Home", MediaType.EPISODE, "The Expanse", 2, 5, 2017)),
                e);
    }

    @Test
    void aStopThatPlayedToTheEndIsFinishedAndAPausedProgressIsAPause() {
        MediaWebhookEvent stop = parse("""
                {"NotificationType":"PlaybackStop","ServerName":"hearth-media","Name":"Inception","ItemType":"Movie","Year":2010,
                 "NotificationUsername":"alice","ClientName":"Jellyfin Web","DeviceName":"Firefox","PlayedToCompletion":true}
                """);
        MediaWebhookEvent progress = parse("""
                {"NotificationType":"PlaybackProgress","ServerName":"hearth-media","Name":"Inception","ItemType":"Movie","Year":"2010",
                 "NotificationUsername":"alice","ClientName":"Jellyfin Web","DeviceName":"Firefox","IsPaused":true}
                """);

        assertEquals(Action.FINISHED, ((MediaWebhookEvent.Playback) stop).action());
        assertEquals(Action.PAUSE, ((MediaWebhookEvent.Playback) progress).action());
        assertEquals(
                MediaItem.movie("Inception", 2010),
                ((MediaWebhookEvent.Playback) progress).item(),
                "a template may send the year as a string");
    }

    @Test
    void anAddedItemIsAnArrivalAndOtherNotificationsAreKeptByName() {
        assertEquals(
                new MediaWebhookEvent.LibraryItemAdded(
                        new Origin("jellyfin", "hearth-media"), MediaItem.movie("Dune: Part Two", 2024), ""),
                parse(
                        "{\"NotificationType\":\"ItemAdded\",\"ServerName\":\"hearth-media\",\"Name\":\"Dune: Part Two\",\"ItemType\":\"Movie\",\"Year\":2024}"));
        assertEquals(
                new MediaWebhookEvent.Unhandled(new Origin("jellyfin", "hearth-media"), "UserLockedOut"),
                parse(
                        "{\"NotificationType\":\"UserLockedOut\",\"ServerName\":\"hearth-media\",\"NotificationUsername\":\"mallory\"}"));
    }
}
