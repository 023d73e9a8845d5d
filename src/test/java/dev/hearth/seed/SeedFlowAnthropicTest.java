package dev.hearth.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.downloads.DownloadService;
import dev.hearth.fakes.FakeAnthropic;
import dev.hearth.fakes.FakeTelegram;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's flow with the assistant on Anthropic's Messages API: the double replays the seed's {@code tool_use} of
 * {@code media_download}, Hearth runs it through the catalog with the chat's role, hands the result back as a
 * {@code tool_result}, and the model's last turn is the chat's answer.
 */
@QuarkusTest
@TestProfile(SeedFlowProfile.Anthropic.class)
class SeedFlowAnthropicTest extends SeedFlow {
    @Inject
    DownloadService downloads;

    final FakeAnthropic anthropic = SeedFlowProfile.anthropic();

    @Override
    String provider() {
        return "anthropic";
    }

    @Test
    void theModelsToolUseOfMediaDownloadEndsWithTheFilmInTheLibraryAndOneMessageToThatChat() {
        try (Offered offered = offerInception()) {
            anthropic.script(
                    anthropic.toolUse("media_download", Map.of("title", "Inception", "kind", "movie")),
                    FakeAnthropic.text("I found Inception (2010) and started the download; I'll say when it's ready."));

            FakeTelegram.Message answer = say("Download Inception");
            assertTrue(answer.text().contains("started the download"), answer.text());
            assertEquals(0, anthropic.left(), "both scripted turns were asked for");

            // The model was offered the tool, and read back what the catalog did, as a tool_result.
            JsonNode first = anthropic.received.get(0);
            assertTrue(
                    first.path("tools").findValuesAsText("name").contains("media_download"),
                    "media_download is among the operator's tools");
            JsonNode second = anthropic.received.get(1);
            JsonNode result = second.path("messages")
                    .get(second.path("messages").size() - 1)
                    .path("content")
                    .path(0);
            assertEquals("tool_result", result.path("type").asText(), second.toString());
            assertTrue(result.toString().contains(offered.fixture().name()), "the release chosen: " + result);

            String taskId = taskOf(downloads, offered);

            thenTheSameChatHearsItIsReadyOnce(offered, taskId);
        }
    }
}
