package dev.hearth.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A double of Anthropic's Messages API ({@code POST /v1/messages}), written from its published reference: the
 * {@code x-api-key} and {@code anthropic-version} headers, {@code model}/{@code max_tokens}/{@code messages} required,
 * roles alternating from {@code user}, every {@code tool_use} answered by a {@code tool_result} in the very next user
 * message (else the API's 400 {@code invalid_request_error}), tool names as the API allows them. It answers from a
 * script, one scripted turn per call, so a test replays a multi-turn tool use; every request it received is kept.
 */
public final class FakeAnthropic extends FakeHttp {
    private final String key;
    private final Deque<Function<JsonNode, Reply>> script = new ArrayDeque<>();
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private int ids;

    public FakeAnthropic(String key) throws IOException {
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
        if (!r.path().equals("/v1/messages")) return error(404, "not_found_error", "Not found");
        if (!r.method().equals("POST")) return error(405, "invalid_request_error", "Method not allowed");
        if (!key.equals(r.header("x-api-key"))) return error(401, "authentication_error", "invalid x-api-key");
        if (r.header("anthropic-version") == null)
            return error(400, "invalid_request_error", "anthropic-version: header is required");
        JsonNode body = r.json();
        String problem = problem(body);
        if (problem != null) return error(400, "invalid_request_error", problem);
        received.add(body);
        if (script.isEmpty()) return error(500, "api_error", "the test scripted no reply for this call");
        return script.removeFirst().apply(body);
    }

    /** What the real API refuses, in its words where its documentation gives them. */
    static String problem(JsonNode body) {
        if (!body.path("model").isTextual()) return "model: Field required";
        if (!body.path("max_tokens").isInt() || body.path("max_tokens").asInt() < 1)
            return "max_tokens: Field required";
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) return "messages: at least one message is required";
        for (JsonNode tool : body.path("tools")) {
            if (!tool.path("name").asText().matches("[a-zA-Z0-9_-]{1,64}"))
                return "tools.name: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'";
            if (!"object".equals(tool.path("input_schema").path("type").asText()))
                return "tools.input_schema.type: Input should be 'object'";
        }
        Set<String> open = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.path("role").asText();
            if (i == 0 && !role.equals("user")) return "messages: first message must use the \"user\" role";
            if (i > 0 && role.equals(messages.get(i - 1).path("role").asText()))
                return "messages: roles must alternate between \"user\" and \"assistant\"";
            if (role.equals("user")) {
                Set<String> answered = new HashSet<>();
                for (JsonNode block : m.path("content")) {
                    if (!block.path("type").asText().equals("tool_result")) continue;
                    String id = block.path("tool_use_id").asText();
                    if (!open.contains(id))
                        return "messages." + i + ".content: unexpected `tool_use_id` found in `tool_result` blocks: "
                                + id;
                    if (block.has("is_error") && !block.path("is_error").isBoolean())
                        return "messages." + i + ".content.is_error: Input should be a valid boolean";
                    answered.add(id);
                }
                if (!answered.containsAll(open)) {
                    return "messages." + i
                            + ": `tool_use` ids were found without `tool_result` blocks immediately after: " + open;
                }
                open.clear();
            } else if (role.equals("assistant")) {
                for (JsonNode block : m.path("content")) {
                    if (block.path("type").asText().equals("tool_use"))
                        open.add(block.path("id").asText());
                }
            } else {
                return "messages." + i + ".role: Input should be 'user' or 'assistant'";
            }
        }
        if (!open.isEmpty()) return "messages: the last message has `tool_use` blocks without results";
        return null;
    }

    // ---- scripted answers, as the API shapes them ---------------------------------------------------------

    public static Function<JsonNode, Reply> text(String text) {
        return req -> message(req, List.of(Map.of("type", "text", "text", text)), "end_turn");
    }

    public Function<JsonNode, Reply> toolUse(String name, Map<String, Object> input) {
        return req -> {
            String id;
            synchronized (this) {
                id = "toolu_" + (++ids);
            }
            return message(
                    req,
                    List.of(
                            Map.of("type", "text", "text", "Let me check."),
                            Map.of("type", "tool_use", "id", id, "name", name, "input", input)),
                    "tool_use");
        };
    }

    public static Function<JsonNode, Reply> refusal(String text) {
        return req -> message(req, List.of(Map.of("type", "text", "text", text)), "refusal");
    }

    public static Function<JsonNode, Reply> status(int status, String type, String message) {
        return req -> error(status, type, message);
    }

    /** Answers only after {@code millis}: a model that is too slow. */
    public static Function<JsonNode, Reply> slow(long millis, Function<JsonNode, Reply> then) {
        return req -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return then.apply(req);
        };
    }

    private static Reply message(JsonNode req, List<Map<String, Object>> content, String stop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "msg_" + Math.abs(req.hashCode()));
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", req.path("model").asText());
        m.put("content", new ArrayList<>(content));
        m.put("stop_reason", stop);
        m.put("stop_sequence", null);
        m.put("usage", Map.of("input_tokens", req.toString().length() / 4, "output_tokens", 25));
        return Reply.json(200, m);
    }

    private static Reply error(int status, String type, String message) {
        return Reply.json(
                status,
                Map.of("type", "error", "error", Map.of("type", type, "message", message), "request_id", "req_test"));
    }
}
