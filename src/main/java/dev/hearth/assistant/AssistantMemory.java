package dev.hearth.assistant;

import dev.hearth.platform.cache.ClearableCache;
import jakarta.inject.Singleton;

/** The assistant's conversations, as a cache maintenance may clear: the next message starts a new conversation. */
@Singleton
public class AssistantMemory implements ClearableCache {
    private final Assistant assistant;

    public AssistantMemory(Assistant assistant) {
        this.assistant = assistant;
    }

    @Override
    public String name() {
        return "assistant-memory";
    }

    @Override
    public String description() {
        return "the assistant's conversations: their history and any confirmation still waiting";
    }

    @Override
    public int clear() {
        return assistant.forgetConversations();
    }
}
