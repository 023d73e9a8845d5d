package dev.hearth.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets inside URLs are masked like credentials; what is not secret stays readable. */
class SecretsInUrlsTest {

    @Test
    void databaseUrlsLoseTheirPasswordAndKeepTheRest() {
        assertEquals(
                "jdbc:postgresql://db:5432/hearth?user=hearth&password=********&sslmode=require",
                SecretsInUrls.redact(
                        "jdbc:postgresql://db:5432/hearth?user=hearth&password=topsecret&sslmode=require"));
        assertEquals(
                "jdbc:sqlserver://db:1433;databaseName=hearth;password=********",
                SecretsInUrls.redact("jdbc:sqlserver://db:1433;databaseName=hearth;password=topsecret"));
        assertEquals("http://********@router.lan/admin", SecretsInUrls.redact("http://admin:hunter2@router.lan/admin"));
    }

    @Test
    void trackersLoseTheirPasskeysInTheQueryAndInThePath() {
        assertEquals(
                "https://tracker.example.org/announce.php?passkey=********&uid=********",
                SecretsInUrls.redactTracker(
                        "https://tracker.example.org/announce.php?passkey=0123456789abcdef&uid=4711"));
        assertEquals(
                "http://tracker.example.org:2710/********/announce",
                SecretsInUrls.redactTracker(
                        "http://tracker.example.org:2710/a1b2c3d4e5f60718293a4b5c6d7e8f90/announce"));
        assertEquals(
                "udp://tracker.opentrackr.org:1337/announce",
                SecretsInUrls.redactTracker("udp://tracker.opentrackr.org:1337/announce"));
    }

    @Test
    void aMagnetKeepsItsHashAndNameButItsTrackersAreMasked() {
        String magnet = "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Big.Buck.Bunny"
                + "&tr=https%3A%2F%2Ftracker.example.org%2Fannounce%3Fpasskey%3Ds3cr3tpass";
        String shown = SecretsInUrls.redact(magnet);
        assertFalse(shown.contains("s3cr3tpass"), shown);
        assertEquals(
                "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Big.Buck.Bunny"
                        + "&tr=https%3A%2F%2Ftracker.example.org%2Fannounce%3Fpasskey%3D********",
                shown.replace("%2A", "*"));
    }

    @Test
    void ordinaryUrlsAndPathsAreLeftAsTheyAre() {
        for (String s : new String[] {
            "https://example.com/files/ubuntu-24.04.iso",
            "http://127.0.0.1:8096/health",
            "/srv/downloads/0123456789abcdefgh",
            "tcp://nas.lan:2376",
            "just words; a=b",
            "https://ntfy.sh"
        }) {
            assertEquals(s, SecretsInUrls.redact(s));
        }
    }

    @Test
    void theConfigViewMasksADatabasePasswordInItsUrlAnNtfyTopicAndAWebhookUrl(@TempDir Path dir) {
        ConfigService config = TestConfig.with(
                dir,
                Map.of(
                        "hearth.storage.url",
                        "jdbc:postgresql://db:5432/hearth?user=hearth&password=topsecret",
                        "hearth.notifications.channels",
                        "[{\"name\": \"phone\", \"type\": \"ntfy\", \"ntfy\": {\"topic\": \"my-private-topic-4711\"}},"
                                + " {\"name\": \"ha\", \"type\": \"webhook\", \"webhook\": {\"url\": \"http://ha.lan:8123/api/webhook/hook-id-of-mine\"}}]"));
        ObjectNode view = config.redactedView();
        assertEquals(
                "jdbc:postgresql://db:5432/hearth?user=hearth&password=********",
                view.path("storage").path("url").asText());
        assertEquals(
                "********",
                view.path("notifications")
                        .path("channels")
                        .path(0)
                        .path("ntfy")
                        .path("topic")
                        .asText());
        assertEquals(
                "********",
                view.path("notifications")
                        .path("channels")
                        .path(1)
                        .path("webhook")
                        .path("url")
                        .asText());
        assertFalse(view.toString().contains("topsecret")
                || view.toString().contains("my-private-topic")
                || view.toString().contains("hook-id-of-mine"));
    }
}
