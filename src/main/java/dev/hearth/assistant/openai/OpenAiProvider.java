package dev.hearth.assistant.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
 * OpenAI-compatible chat completions ({@code POST <base>/chat/completions}) with function tools, as OpenAI, Ollama,
 * llama.cpp's server and vLLM serve it. The differences between them that matter here are absorbed: a key is optional,
 * {@code arguments} may be a JSON string (the standard) or an object, a tool call may lack an id.
 */
public final class OpenAiProvider implements LlmProvider {
    public static final String DEFAULT_BASE = "https://api.openai.com/v1";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelHttp http;
    private final String model;

    public OpenAiProvider(HttpStack stack, URI base, String apiKey, String model, Duration timeout) {
        this.http = new ModelHttp(
                stack,
                "openai",
                base,
                timeout,
                apiKey.isEmpty() ? AuthStrategy.none() : AuthStrategy.bearer(apiKey),
                Map.of(),
                apiKey);
        this.model = model;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public LlmReply complete(LlmRequest request) {
        ObjectNode body = F.objectNode().put("model", model).put("max_tokens", request.maxTokens());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        for (LlmMessage m : request.messages()) add(messages, m);
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (Tool t : request.tools()) {
                tools.addObject()
                        .put("type", "function")
                        .putObject("function")
                        .put("name", t.name())
                        .put("description", t.description())
                        .set("parameters", t.inputSchema());
            }
        }
        JsonNode answer = http.post("chat/completions", body);
        JsonNode choice = answer.path("choices").path(0);
        if (choice.isMissingNode()) throw new LlmException("bad_response", "openai answered without choices");
        JsonNode message = choice.path("message");
        List<LlmMessage.ToolCall> calls = new ArrayList<>();
        int n = 0;
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode fn = call.path("function");
            String id = call.path("id").asText("");
            calls.add(new LlmMessage.ToolCall(
                    id.isEmpty() ? "call_" + n : id, fn.path("name").asText(), arguments(fn.path("arguments"))));
            n++;
        }
        String refusal =
                message.path("refusal").isTextual() ? message.path("refusal").asText() : null;
        LlmReply.StopReason stop = switch (choice.path("finish_reason").asText()) {
            case "stop" -> LlmReply.StopReason.END;
            case "tool_calls", "function_call" -> LlmReply.StopReason.TOOL_USE;
            case "length" -> LlmReply.StopReason.MAX_TOKENS;
            case "content_filter" -> LlmReply.StopReason.REFUSAL;
            default -> calls.isEmpty() ? LlmReply.StopReason.OTHER : LlmReply.StopReason.TOOL_USE;
        };
        JsonNode usage = answer.path("usage");
        return new LlmReply(
                message.path("content").isTextual() ? message.path("content").asText() : "",
                calls,
                stop,
                usage.path("prompt_tokens").asLong(),
                usage.path("completion_tokens").asLong(),
                refusal);
    }

    /** The standard sends a JSON string; some servers send the object. A string that is not JSON is passed on as text. */
    private static JsonNode arguments(JsonNode raw) {
        if (raw.isObject()) return raw;
        if (!raw.isTextual() || raw.asText().isBlank()) return F.objectNode();
        try {
            return JSON.readTree(raw.asText());
        } catch (JsonProcessingException e) {
            return new TextNode(raw.asText());
        }
    }

    private static void add(ArrayNode messages, LlmMessage m) {
        switch (m) {
            case LlmMessage.User u -> messages.addObject().put("role", "user").put("content", u.text());
            case LlmMessage.Assistant a -> {
                ObjectNode out = messages.addObject().put("role", "assistant");
                if (a.text().isBlank()) out.putNull("content");
                else out.put("content", a.text());
                if (!a.calls().isEmpty()) {
                    ArrayNode calls = out.putArray("tool_calls");
                    for (LlmMessage.ToolCall c : a.calls()) {
                        calls.addObject()
                                .put("id", c.id())
                                .put("type", "function")
                                .putObject("function")
                                .put("name", c.name())
                                .put("arguments", c.input().toString());
                    }
                }
            }
            case LlmMessage.ToolResults r -> {
                for (LlmMessage.ToolResult result : r.results()) {
                    messages.addObject()
                            .put("role", "tool")
                            .put("tool_call_id", result.callId())
                            .put("content", result.content());
                }
            }
        }
    }
}
