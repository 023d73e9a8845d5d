package dev.hearth.assistant.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.assistant.LlmException;
import dev.hearth.assistant.LlmMessage;
import dev.hearth.assistant.LlmProvider;
import dev.hearth.assistant.LlmReply;
import dev.hearth.assistant.LlmRequest;
import dev.hearth.assistant.Tool;
import dev.hearth.assistant.internal.ModelHttp;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}, {@code anthropic-version: 2023-06-01}) with client tools: text
 * and tool_use blocks out, tool_result blocks (with {@code is_error}) back, {@code stop_reason} mapped. A thin client
 * on Hearth's HTTP stack rather than the official SDK: it is a handful of JSON fields, and the SDK brings its own HTTP
 * stack and Kotlin runtime (docs/architecture.md).
 */
public final class AnthropicProvider implements LlmProvider {
    public static final String DEFAULT_BASE = "https://api.anthropic.com";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ModelHttp http;
    private final String model;

    public AnthropicProvider(HttpStack stack, URI base, String apiKey, String model, Duration timeout) {
        this.http = new ModelHttp(
                stack,
                "anthropic",
                base,
                timeout,
                AuthStrategy.apiKeyHeader("x-api-key", apiKey),
                Map.of("anthropic-version", "2023-06-01"),
                apiKey);
        this.model = model;
    }

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public LlmReply complete(LlmRequest request) {
        ObjectNode body = F.objectNode()
                .put("model", model)
                .put("max_tokens", request.maxTokens())
                .put("system", request.system());
        ArrayNode messages = body.putArray("messages");
        for (LlmMessage m : request.messages()) messages.add(message(m));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (Tool t : request.tools())
                tools.addObject()
                        .put("name", t.name())
                        .put("description", t.description())
                        .set("input_schema", t.inputSchema());
        }
        JsonNode answer = http.post("/v1/messages", body);
        if (!answer.path("content").isArray())
            throw new LlmException("bad_response", "anthropic answered without a content array");
        StringBuilder text = new StringBuilder();
        List<LlmMessage.ToolCall> calls = new ArrayList<>();
        for (JsonNode block : answer.path("content")) {
            switch (block.path("type").asText()) {
                case "text" ->
                    text.append(text.isEmpty() ? "" : "\n")
                            .append(block.path("text").asText());
                case "tool_use" ->
                    calls.add(new LlmMessage.ToolCall(
                            block.path("id").asText(),
                            block.path("name").asText(),
                            block.path("input").isMissingNode() ? F.objectNode() : block.path("input")));
                default -> {} // thinking and server-tool blocks are not Hearth's business
            }
        }
        LlmReply.StopReason stop = switch (answer.path("stop_reason").asText()) {
            case "end_turn", "stop_sequence", "pause_turn" -> LlmReply.StopReason.END;
            case "tool_use" -> LlmReply.StopReason.TOOL_USE;
            case "max_tokens", "model_context_window_exceeded" -> LlmReply.StopReason.MAX_TOKENS;
            case "refusal" -> LlmReply.StopReason.REFUSAL;
            default -> LlmReply.StopReason.OTHER;
        };
        JsonNode usage = answer.path("usage");
        long input = usage.path("input_tokens").asLong()
                + usage.path("cache_creation_input_tokens").asLong()
                + usage.path("cache_read_input_tokens").asLong();
        return new LlmReply(
                text.toString(), calls, stop, input, usage.path("output_tokens").asLong(), null);
    }

    private static ObjectNode message(LlmMessage m) {
        return switch (m) {
            case LlmMessage.User u -> F.objectNode().put("role", "user").put("content", u.text());
            case LlmMessage.Assistant a -> {
                ObjectNode out = F.objectNode().put("role", "assistant");
                ArrayNode content = out.putArray("content");
                if (!a.text().isBlank()) content.addObject().put("type", "text").put("text", a.text());
                for (LlmMessage.ToolCall c : a.calls()) {
                    content.addObject()
                            .put("type", "tool_use")
                            .put("id", c.id())
                            .put("name", c.name())
                            .set("input", c.input());
                }
                yield out;
            }
            case LlmMessage.ToolResults r -> {
                ObjectNode out = F.objectNode().put("role", "user");
                ArrayNode content = out.putArray("content");
                for (LlmMessage.ToolResult result : r.results()) {
                    ObjectNode block = content.addObject()
                            .put("type", "tool_result")
                            .put("tool_use_id", result.callId())
                            .put("content", result.content());
                    if (result.error()) block.put("is_error", true);
                }
                yield out;
            }
        };
    }
}
