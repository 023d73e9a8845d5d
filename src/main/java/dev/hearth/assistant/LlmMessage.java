package dev.hearth.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A message of a model conversation, in a shape every provider maps to its own. */
public sealed interface LlmMessage {
    record User(String text) implements LlmMessage {}

    /** The model's turn: its text (may be empty) and the tools it asked for (may be none). */
    record Assistant(String text, List<ToolCall> calls) implements LlmMessage {
        public Assistant {
            calls = List.copyOf(calls);
        }
    }

    /** Hearth's answers to the model's tool calls, in one user turn as the providers expect. */
    record ToolResults(List<ToolResult> results) implements LlmMessage {
        public ToolResults {
            results = List.copyOf(results);
        }
    }

    record ToolCall(String id, String name, JsonNode input) {}

    /** {@code content} is what the model reads; {@code error} marks a failed call (Anthropic's is_error). */
    record ToolResult(String callId, String content, boolean error) {}
}
