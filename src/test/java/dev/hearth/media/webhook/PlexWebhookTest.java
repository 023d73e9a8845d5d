package dev.hearth.media.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.media.MediaItem;
import dev.hearth.media.MediaType;
import dev.hearth.media.webhook.MediaWebhookEvent.Origin;
import dev.hearth.media.webhook.MediaWebhookEvent.Playback.Action;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Plex's webhooks: multipart/form-data with the JSON in a {@code payload} field and, for some events, a JPEG {@code thumb}. */
class PlexWebhookTest {
    private static final String BOUNDARY = "------------------------5b6e4d3f2a1c0b9a";
    private final MediaWebhooks webhooks = new MediaWebhooks(new ObjectMapper());

    /** The example of Plex's webhook documentation: a track played in Plex Web. */
    private static final String PLAY = """
            {"event":"media.play","user":true,"owner":true,
             "Account":{"id":1,"thumb":"https://plex.tv/users/1022b120ffbaa/avatar?c=1465525047","title":"elan"},
             "Server":{"title":"Office","uuid":"54664a3d8acc39983675640ec9ce00b70af9cc36"},
             "Player":{"local":true,"publicAddress":"200.200.200.200","title":"Plex Web (Safari)","uuid":"r6yfkdnfggbh2bdnvkffwbms"},
             "Metadata":{"librarySectionType":"artist","ratingKey":"1936545","key":"/library/metadata/1936545","parentRatingKey":"1936544",
                         "grandparentRatingKey":"1936543","guid":"com.plexapp.agents.plexmusic://gracenote/track/7572499-91016293BE6BF7F1",
                         "librarySectionID":1224,"type":"track","title":"Love The One You're With","grandparentKey":"/library/metadata/1936543",
                         "parentKey":"/library/metadata/1936544","grandparentTitle":"Stephen Stills","parentTitle":"Stephen Stills",
                         "summary":"","index":1,"parentIndex":1,"ratingCount":6794,"thumb":"/library/metadata/1936544/thumb/1432897518",
                         "art":"/library/metadata/1936543/art/1485951497","parentThumb":"/library/metadata/1936544/thumb/1432897518",
                         "grandparentThumb":"/library/metadata/1936543/thumb/1485951497","grandparentArt":"/library/metadata/1936543/art/1485951497",
                         "addedAt":1000396126,"updatedAt":1498770529}}
            """;

    private static byte[] form(String payload, boolean withThumb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"payload\"\r\nContent-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(payload.getBytes(StandardCharsets.UTF_8));
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        if (withThumb) {
            out.write(
                    ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"thumb\"; filename=\"thumb.jpg\"\r\n"
                                    + "Content-Type: image/jpeg\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {
                (byte) 0xFF,
                (byte) 0xD8,
                (byte) 0xFF,
                (byte) 0xE0,
                0x00,
                0x10,
                '-',
                '-',
                0x0D,
                0x0A,
                (byte) 0xFF,
                (byte) 0xD9
            });
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private MediaWebhookEvent parse(byte[] body) {
        return webhooks.parse(WebhookSource.PLEX, "multipart/form-data; boundary=" + BOUNDARY, body);
    }

    @Test
    void thePlayExampleOfPlexsDocumentationIsAPlaybackWithItsAccountPlayerAndTrack() throws Exception {
        MediaWebhookEvent e = parse(form(PLAY, true));

        assertEquals(
                new MediaWebhookEvent.Playback(
                        new Origin("plex", "Office"),
                        Action.PLAY,
                        "elan",
                        "Plex Web (Safari)",
                        new MediaItem("Love The One You're With", MediaType.TRACK, "Stephen Stills", null, 1, null)),
                e);
    }

    @Test
    void theThumbnailBeforeThePayloadDoesNotConfuseTheForm() throws Exception {
        byte[] thumbFirst = new String(form(PLAY, true), StandardCharsets.ISO_8859_1)
                .replaceFirst(
                        "(?s)^(--" + BOUNDARY + "\r\n.*?)(--" + BOUNDARY
                                + "\r\nContent-Disposition: form-data; name=\"thumb\".*?)(--" + BOUNDARY + "--)",
                        "$2$1$3")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertTrue(new String(thumbFirst, StandardCharsets.ISO_8859_1)
                .startsWith("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"thumb\""));
        assertEquals(Action.PLAY, ((MediaWebhookEvent.Playback) parse(thumbFirst)).action());
    }

    @Test
    void aScrobbleIsAFinishedEpisodeAndLibraryNewIsAnArrival() throws Exception {
        MediaWebhookEvent scrobble = parse(form("""
                {"event":"media.scrobble","Account":{"title":"bob"},"Server":{"title":"hearth-plex"},"Player":{"title":"Pixel 8"},
                 "Metadata":{"type":"episode","title":"Home","grandparentTitle":"The Expanse","parentIndex":2,"index":5,"year":2017}}
                """, false));
        MediaWebhookEvent added = parse(form("""
                {"event":"library.new","user":false,"owner":true,"Account":{"title":"owner"},"Server":{"title":"hearth-plex"},
                 "Metadata":{"type":"movie","title":"Dune: Part Two","year":2024,"librarySectionTitle":"Movies"}}
                """, true));

        assertEquals(
                new MediaWebhookEvent.Playback(
                        new Origin("plex", "hearth-plex"),
                        Action.FINISHED,
                        "bob",
                        "Pixel 8",
                        new MediaItem("Home", MediaType.EPISODE, "The Expanse", 2, 5, 2017)),
                scrobble);
        assertEquals(
                new MediaWebhookEvent.LibraryItemAdded(
                        new Origin("plex", "hearth-plex"), MediaItem.movie("Dune: Part Two", 2024), "Movies"),
                added);
    }

    @Test
    void anOwnerEventHearthDoesNotActOnIsKeptByName() throws Exception {
        assertEquals(
                new MediaWebhookEvent.Unhandled(new Origin("plex", "Office"), "admin.database.backup"),
                parse(form("{\"event\":\"admin.database.backup\",\"Server\":{\"title\":\"Office\"}}", false)));
    }

    @Test
    void aFormWithoutPayloadOrNotAFormIsRefused() throws Exception {
        byte[] onlyThumb = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"thumb\"\r\n\r\nxx\r\n--"
                        + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(
                "no 'payload' field in the Plex webhook form",
                assertThrows(InvalidWebhookPayload.class, () -> parse(onlyThumb))
                        .getMessage());
        assertThrows(
                InvalidWebhookPayload.class,
                () -> webhooks.parse(WebhookSource.PLEX, "text/plain", PLAY.getBytes(StandardCharsets.UTF_8)));
    }
}
