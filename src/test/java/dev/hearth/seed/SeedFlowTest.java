package dev.hearth.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.downloads.DownloadService;
import dev.hearth.fakes.FakeTelegram;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The seed's flow with the offline assistant: no key, no network, the parser understands "Download Inception". */
@QuarkusTest
@TestProfile(SeedFlowProfile.class)
class SeedFlowTest extends SeedFlow {
    @Inject
    DownloadService downloads;

    @Override
    String provider() {
        return "offline";
    }

    @Test
    void downloadInceptionTypedInTelegramEndsWithTheFilmInTheLibraryAndOneMessageToThatChat() {
        try (Offered offered = offerInception()) {
            // The parser does not guess whether a bare title is a film or a series: it asks, with a button each.
            FakeTelegram.Message question = say("Download Inception");
            assertTrue(question.text().contains("film or a series"), question.text());
            JsonNode film =
                    question.replyMarkup().path("inline_keyboard").path(0).path(0);
            assertEquals("film", film.path("text").asText(), question.toString());

            FakeTelegram.Message started = press(film.path("callback_data").asText());
            assertTrue(started.text().contains(offered.fixture().name()), "says which release: " + started.text());

            String taskId = taskOf(downloads, offered);
            assertNotNull(taskId);
            assertTrue(torznab.received.stream().anyMatch(r -> r.contains("Inception")), torznab.received.toString());

            thenTheSameChatHearsItIsReadyOnce(offered, taskId);
        }
    }
}
