package dev.hearth.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A double of an OpenAI-compatible chat completions server ({@code POST /v1/chat/completions}), as OpenAI documents it
 * and Ollama, llama.cpp's server and vLLM serve it: a bearer key when set, {@code model} and {@code messages} required,
 * function tools with names the API allows, every assistant {@code tool_calls} entry answered by a {@code tool}
 * message with its {@code tool_call_id} before the next turn (else 400 {@code invalid_request_error}). Answers come
 * from a script; an Ollama-style turn sends {@code arguments} as an object and no call id.
 */
public final class FakeOpenAi extends FakeHttp {
    private final String key;
    private final Deque<Function<JsonNode, Reply>> script = new ArrayDeque<>();
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private int ids;

    public FakeOpenAi(String key) throws IOException {
        this.key = key;
    }

    @SafeVarargs
    public final synchronized void script(Function<JsonNode, Reply>... turns) {
        script.clear();
        received.clear();
        script.addAll(List.of(turns));
    }

    public synchronized int left() {
        return script.size();
    }

    @Override
    protected synchronized Reply handle(Request r) {
        if (!r.path().equals("/v1/chat/completions"))
            return error(404, "invalid_request_error", "Unknown request URL: " + r.path());
        if (!key.isEmpty() && !("Bearer " + key).equals(r.header("Authorization"))) {
            return error(401, "invalid_request_error", "Incorrect API key provided.");
        }
        JsonNode body = r.json();
        String problem = problem(body);
        if (problem != null) return error(400, "invalid_request_error", problem);
        received.add(body);
        if (script.isEmpty()) return error(500, "server_error", "the test scripted no reply for this call");
        return script.removeFirst().apply(body);
    }

    static String problem(JsonNode body) {
        if (!body.path("model").isTextual()) return "you must provide a model parameter";
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) return "'messages' must contain at least one message";
        for (JsonNode tool : body.path("tools")) {
            if (!"function".equals(tool.path("type").asText())) return "tools[].type must be 'function'";
            if (!tool.path("function").path("name").asText().matches("[a-zA-Z0-9_-]{1,64}"))
                return "Invalid 'tools[].function.name': string does not match pattern";
            if (!tool.path("function").path("parameters").isObject())
                return "tools[].function.parameters must be an object";
        }
        Set<String> open = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.path("role").asText();
            switch (role) {
                case "tool" -> {
                    String id = m.path("tool_call_id").asText();
                    if (!open.remove(id))
                        return "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.";
                    if (!m.path("content").isTextual()) return "messages[" + i + "].content must be a string";
                }
                case "system", "user", "assistant" -> {
                    if (!open.isEmpty()) {
                        return "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. "
                                + "The following tool_call_ids did not have response messages: " + open;
                    }
                    for (JsonNode call : m.path("tool_calls")) {
                        if (!call.path("function").path("arguments").isTextual())
                            return "messages[" + i + "].tool_calls[].function.arguments must be a string";
                        open.add(call.path("id").asText());
                    }
                }
                default -> {
                    return "Invalid value: '" + role
                            + "'. Supported values are: 'system', 'assistant', 'user', 'tool'.";
                }
            }
        }
        if (!open.isEmpty()) return "tool_call_ids without responses: " + open;
        return null;
    }

    public static Function<JsonNode, Reply> text(String text) {
        return req -> completion(req, Map.of("role", "assistant", "content", text), "stop");
    }

    public Function<JsonNode, Reply> toolCall(String name, String argumentsJson) {
        return req -> {
            String id;
            synchronized (this) {
                id = "call_" + (++ids);
            }
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", "assistant");
            message.put("content", null);
            message.put(
                    "tool_calls",
                    List.of(Map.of(
                            "id",
                            id,
                            "type",
                            "function",
                            "function",
                            Map.of("name", name, "arguments", argumentsJson))));
            return completion(req, message, "tool_calls");
        };
    }

    /** As Ollama answers: arguments as an object, no id on the call. */
    public static Function<JsonNode, Reply> ollamaToolCall(String name, Map<String, Object> arguments) {
        return req -> {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", "assistant");
            message.put("content", "");
            message.put(
                    "tool_calls",
                    List.of(Map.of("type", "function", "function", Map.of("name", name, "arguments", arguments))));
            return completion(req, message, "tool_calls");
        };
    }

    public static Function<JsonNode, Reply> refusal(String text) {
        return req -> {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", "assistant");
            message.put("content", null);
            message.put("refusal", text);
            return completion(req, message, "stop");
        };
    }

    private static Reply completion(JsonNode req, Map<String, Object> message, String finish) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", finish);
        int prompt = req.toString().length() / 4;
        return Reply.json(
                200,
                Map.of(
                        "id",
                        "chatcmpl-" + Math.abs(req.hashCode()),
                        "object",
                        "chat.completion",
                        "created",
                        1_780_000_000,
                        "model",
                        req.path("model").asText(),
                        "choices",
                        List.of(choice),
                        "usage",
                        Map.of("prompt_tokens", prompt, "completion_tokens", 20, "total_tokens", prompt + 20)));
    }

    private static Reply error(int status, String type, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("type", type);
        e.put("param", null);
        e.put("code", null);
        return Reply.json(status, Map.of("error", e));
    }
}
