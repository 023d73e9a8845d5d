package dev.hearth.assistant;

import java.util.List;

/** What the model sees: the system text, the conversation so far and the tools the caller's role may use. */
public record LlmRequest(String system, List<LlmMessage> messages, List<Tool> tools, int maxTokens) {
    public LlmRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
