package dev.hearth.assistant;

/**
 * A language model that can call tools: one request, one reply (the tool loop is the assistant's, not the
 * provider's). Implementations are thin clients; they throw {@link LlmException} for anything but an answer.
 */
public interface LlmProvider {
    /** {@code anthropic} or {@code openai}, as the metrics and the audit name it. */
    String name();

    String model();

    LlmReply complete(LlmRequest request);
}
