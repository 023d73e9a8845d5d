package dev.hearth.assistant;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One model answer: its text, the tools it asked for, why it stopped, and what it cost in tokens.
 *
 * @param refusal the model's refusal text where the API gives one apart (OpenAI's {@code message.refusal})
 */
public record LlmReply(
        String text,
        List<LlmMessage.ToolCall> calls,
        StopReason stop,
        long inputTokens,
        long outputTokens,
        @Nullable String refusal) {

    /** Why a model stopped, mapped from each provider's own words. */
    public enum StopReason {
        END,
        TOOL_USE,
        MAX_TOKENS,
        REFUSAL,
        OTHER
    }

    public LlmReply {
        calls = List.copyOf(calls);
    }
}
